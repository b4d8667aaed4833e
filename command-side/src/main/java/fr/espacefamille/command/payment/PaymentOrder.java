package fr.espacefamille.command.payment;

import java.time.Instant;

/**
 * What the portal asks the payment provider to collect.
 *
 * @param reference       ours, shown to the payer and given back in the result (PayFiP's {@code refdet})
 * @param description     in French, for the payment page (PayFiP's {@code objet})
 * @param notificationUrl where the provider posts its notification (PayFiP's {@code urlnotif})
 * @param returnUrl       where the payer's browser comes back (PayFiP's {@code urlredirect})
 * @param expiresAt       after this the operation cannot be paid any more
 */
public record PaymentOrder(
        String reference,
        long amountCents,
        String description,
        String notificationUrl,
        String returnUrl,
        Instant expiresAt
) {
}
