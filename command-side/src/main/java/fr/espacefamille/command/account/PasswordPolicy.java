package fr.espacefamille.command.account;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Zxcvbn;
import fr.espacefamille.events.RefusedException;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be (OWASP ASVS 5.0, V6.2): 12 to 128 characters, any characters,
 * no composition rule; not one of the common passwords (the 30,000 of zxcvbn's list and a
 * French supplement in {@code common-passwords-fr.txt}); and not guessable from the username
 * or simple patterns, as zxcvbn estimates it.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    /** zxcvbn's "safely unguessable" score. */
    private static final int MIN_SCORE = 3;

    private final Set<String> common = new HashSet<>();
    private final Zxcvbn zxcvbn = new Zxcvbn();

    PasswordPolicy() {
        try {
            StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies().stream()
                    .map(PasswordPolicy::key).forEach(common::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read zxcvbn's list of common passwords", e);
        }
        readList("common-passwords-fr.txt").stream().map(PasswordPolicy::key).forEach(common::add);
    }

    /** Refuses the password with a code and a message that tells how to choose a better one. */
    void check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw RefusedException.invalid("PASSWORD_TOO_SHORT",
                    "Le mot de passe doit comporter au moins 12 caractères. Une phrase de quelques mots "
                            + "est facile à retenir et difficile à deviner.");
        }
        if (password.length() > MAX_LENGTH) {
            throw RefusedException.invalid("PASSWORD_TOO_LONG", "Le mot de passe ne peut dépasser 128 caractères.");
        }
        if (!isWellFormed(password)) {
            throw RefusedException.invalid("PASSWORD_INVALID_CHARACTERS",
                    "Le mot de passe contient des caractères qui ne peuvent pas être enregistrés.");
        }
        if (isCommon(password) || zxcvbn.measure(password, List.of(username)).getScore() < MIN_SCORE) {
            throw RefusedException.invalid("PASSWORD_TOO_COMMON",
                    "Ce mot de passe est trop courant ou trop facile à deviner. Choisissez une phrase "
                            + "de plusieurs mots sans rapport avec votre nom ou votre identifiant.");
        }
    }

    /** Compared in lower case, letters and digits only: {@code Espace-Famille 2026} is {@code espacefamille2026}. */
    private boolean isCommon(String password) {
        return common.contains(key(password));
    }

    /**
     * Whether the text is valid Unicode: a half of a surrogate pair alone cannot be written in
     * UTF-8, and the password hash would fail on it.
     */
    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String key(String password) {
        return password.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static Set<String> readList(String resource) {
        InputStream in = PasswordPolicy.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing the password list " + resource);
        }
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
