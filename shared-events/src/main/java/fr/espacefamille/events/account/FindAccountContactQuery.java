package fr.espacefamille.events.account;

/**
 * How to reach the holder of a parent's account, answered by {@link AccountContact}; refused
 * with {@code ACCOUNT_NOT_FOUND} when no account has this username. Used by the e-mails that
 * answer a parent's own action, such as the confirmation of a booking.
 *
 * @param username as the parent logs in, compared without case
 */
public record FindAccountContactQuery(String username) {
}
