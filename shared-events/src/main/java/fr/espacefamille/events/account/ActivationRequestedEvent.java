package fr.espacefamille.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An activation link is to be sent. The link's secret is not here: the mailer draws it when it
 * sends the e-mail and keeps only its hash, bound to {@code requestId}.
 *
 * @param requestId replaces every earlier request: only the newest link works
 * @param expiresAt the link works until this instant, included
 */
@Revision("1")
public record ActivationRequestedEvent(
        String accountId,
        String username,
        String email,
        String requestId,
        Instant expiresAt
) {
}
