package fr.espacefamille.events.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A password reset link is to be sent; as for activation, the link's secret is drawn by the
 * mailer and only its hash is kept.
 */
@Revision("1")
public record PasswordResetRequestedEvent(
        String accountId,
        String username,
        String email,
        String requestId,
        Instant expiresAt
) {
}
