package fr.espacefamille.events.planning;

/**
 * A payment arrived for a basket that had already expired or been paid: its amount is kept as
 * a credit on the family account rather than lost.
 */
public record LatePaymentCreditedEvent(
        String dossierNumber,
        String basketId,
        String operationId,
        long amountCents,
        long creditBalanceCents
) {
}
