package fr.espacefamille.command.planning;

import java.security.Principal;

/** Who sends a request: the account's username, and the author recorded on the events. */
final class Accounts {

    /** The caller while no security layer names one. */
    static final String ANONYMOUS = "anonymous";

    private Accounts() {
    }

    static String username(Principal principal) {
        return principal == null ? ANONYMOUS : principal.getName();
    }

    static String author(Principal principal) {
        return "account:" + username(principal);
    }
}
