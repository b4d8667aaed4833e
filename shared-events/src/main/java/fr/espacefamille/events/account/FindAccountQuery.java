package fr.espacefamille.events.account;

/**
 * An account as its holder sees it, answered by {@link AccountView}; refused with
 * {@code ACCOUNT_NOT_FOUND}.
 *
 * @param username compared without case
 */
public record FindAccountQuery(String username) {
}
