package fr.espacefamille.events.account;

import org.axonframework.serialization.Revision;

/** A parent chose a username; the account cannot log in before it is activated. */
@Revision("1")
public record AccountRegisteredEvent(
        String accountId,
        String username,
        String email
) {
}
