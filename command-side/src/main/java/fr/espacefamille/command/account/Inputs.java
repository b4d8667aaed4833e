package fr.espacefamille.command.account;

import fr.espacefamille.events.RefusedException;
import org.apache.commons.validator.routines.EmailValidator;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of what parents type, each refused with a code and a French message. */
final class Inputs {

    /** Letters of any alphabet, digits, and {@code . _ - ' @}; 3 to 64 characters. */
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._'@-]{2,63}");
    private static final int MAX_EMAIL_LENGTH = 254;

    private Inputs() {
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw RefusedException.invalid("FIELD_MISSING", "Merci de renseigner " + what + ".");
        }
        return value;
    }

    static String username(String typed) {
        String username = required(typed, "l'identifiant").strip();
        if (!USERNAME.matcher(username).matches()) {
            throw RefusedException.invalid("USERNAME_INVALID",
                    "L'identifiant doit compter de 3 à 64 caractères : lettres, chiffres, point, tiret, "
                            + "apostrophe ou @, sans espace. Par exemple le nom du dossier : lefevre.");
        }
        return username;
    }

    static String email(String typed) {
        String email = required(typed, "votre adresse e-mail").strip().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL_LENGTH || !EmailValidator.getInstance().isValid(email)) {
            throw RefusedException.invalid("EMAIL_INVALID",
                    "L'adresse e-mail n'est pas valide. Vérifiez-la, par exemple prenom.nom@exemple.fr.");
        }
        return email;
    }
}
