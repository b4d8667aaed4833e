package fr.espacefamille.command.account;

/** Shows an e-mail address enough to be recognised by its owner: {@code fa•••@example.org}. */
final class Masks {

    private Masks() {
    }

    static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "•••";
        }
        return email.substring(0, Math.min(2, at)) + "•••" + email.substring(at);
    }
}
