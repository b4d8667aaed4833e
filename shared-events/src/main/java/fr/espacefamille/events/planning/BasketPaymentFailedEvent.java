package fr.espacefamille.events.planning;

import java.time.Instant;

/**
 * The payment of a basket was refused or abandoned: the basket is open again, with its days
 * still pending, until it expires.
 */
public record BasketPaymentFailedEvent(
        String dossierNumber,
        String basketId,
        String account,
        String operationId,
        PaymentStatus status,
        Instant expiresAt
) {
}
