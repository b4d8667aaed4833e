package fr.espacefamille.events.account;

import org.axonframework.serialization.Revision;

/** The account's e-mails go to {@code email} from now on; the previous address is told. */
@Revision("1")
public record EmailChangedEvent(
        String accountId,
        String username,
        String previousEmail,
        String email
) {
}
