package fr.espacefamille.events.account;

/**
 * The holder of a parent's account, for the e-mails sent to him or her.
 *
 * @param username    as the parent logs in
 * @param email       the account's current e-mail address
 * @param displayName first name and last name of the guardian, for the greeting
 */
public record AccountContact(
        String username,
        String email,
        String displayName
) {
}
