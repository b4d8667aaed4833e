package fr.espacefamille.command.payment;

import fr.espacefamille.events.planning.PaymentStatus;

/**
 * The provider's answer about an operation.
 *
 * @param transactionNumber the bank's, when paid
 */
public record PaymentResult(
        String operationId,
        String reference,
        PaymentStatus status,
        long amountCents,
        String transactionNumber
) {
}
