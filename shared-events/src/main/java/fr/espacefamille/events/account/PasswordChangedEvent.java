package fr.espacefamille.events.account;

import org.axonframework.serialization.Revision;

/**
 * The account's password changed; the password and its hash are never in an event.
 *
 * @param email  where to tell the holder about it
 * @param reset  {@code true} when done through a reset link, {@code false} from Mon dossier
 */
@Revision("1")
public record PasswordChangedEvent(
        String accountId,
        String username,
        String email,
        boolean reset
) {
}
