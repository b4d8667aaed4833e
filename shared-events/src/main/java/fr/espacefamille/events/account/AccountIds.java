package fr.espacefamille.events.account;

import java.text.Normalizer;
import java.util.Locale;

/** Usernames are unique without case: an account's id is its username in lower case. */
public final class AccountIds {

    private AccountIds() {
    }

    public static String of(String username) {
        return Normalizer.normalize(username.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
