package fr.espacefamille.events.planning;

/** The payment provider opened an operation for the basket. */
public record BasketPaymentStartedEvent(
        String dossierNumber,
        String basketId,
        String operationId,
        long amountCents
) {
}
