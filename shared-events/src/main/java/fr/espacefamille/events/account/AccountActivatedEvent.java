package fr.espacefamille.events.account;

import org.axonframework.serialization.Revision;

/** The account may log in from now on. */
@Revision("1")
public record AccountActivatedEvent(
        String accountId,
        String username
) {
}
