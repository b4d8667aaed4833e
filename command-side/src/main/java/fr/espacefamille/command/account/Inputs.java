package fr.espacefamille.command.account;

import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.account.AccountIds;
import org.apache.commons.validator.routines.EmailValidator;

import java.text.Normalizer;
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

    /**
     * A username as the account will keep it: in Unicode's composed form (an accent typed as a
     * letter of its own is joined to its letter, as the account id does), in one alphabet only,
     * so that no name can pass for another one with look-alike letters of another script
     * ("sоphie" with a Cyrillic "о" for "sophie"), and in ordinary letters: a letter that
     * Unicode counts as another one written differently (the long "ſ", full-width "ｓ", the "ﬁ"
     * ligature) or whose lower case takes an accent of its own (the Turkish "İ") would give an
     * account id of its own to a name that reads as another account's.
     */
    static String username(String typed) {
        String username = Normalizer.normalize(required(typed, "l'identifiant").strip(), Normalizer.Form.NFC);
        if (!USERNAME.matcher(username).matches()) {
            throw RefusedException.invalid("USERNAME_INVALID",
                    "L'identifiant doit compter de 3 à 64 caractères : lettres, chiffres, point, tiret, "
                            + "apostrophe ou @, sans espace. Par exemple le nom du dossier : lefevre.");
        }
        if (mixesAlphabets(username)) {
            throw RefusedException.invalid("USERNAME_INVALID",
                    "L'identifiant mélange des lettres de plusieurs alphabets (par exemple latin et cyrillique) : "
                            + "écrivez-le dans un seul alphabet.");
        }
        if (imitatesOrdinaryLetters(username)) {
            throw RefusedException.invalid("USERNAME_INVALID",
                    "L'identifiant contient des lettres qui en imitent d'autres (lettres pleine chasse, « ſ », "
                            + "« İ »…) : écrivez-le avec des lettres ordinaires.");
        }
        return username;
    }

    /** Whether the account id differs from the name in compatibility form, or is no username itself. */
    private static boolean imitatesOrdinaryLetters(String username) {
        String accountId = AccountIds.of(username);
        String ordinary = Normalizer.normalize(
                Normalizer.normalize(username, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
        return !accountId.equals(ordinary) || !USERNAME.matcher(accountId).matches();
    }

    private static boolean mixesAlphabets(String username) {
        return username.codePoints()
                .filter(Character::isLetter)
                .mapToObj(Character.UnicodeScript::of)
                .filter(script -> script != Character.UnicodeScript.COMMON
                        && script != Character.UnicodeScript.INHERITED)
                .distinct()
                .count() > 1;
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
