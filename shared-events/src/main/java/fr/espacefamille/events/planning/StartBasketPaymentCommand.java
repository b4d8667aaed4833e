package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the payment operation that the provider opened for a basket awaiting payment.
 * Refused with {@code BASKET_NOT_AWAITING_PAYMENT}.
 */
public record StartBasketPaymentCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String basketId,
        String operationId,
        long amountCents
) {
}
