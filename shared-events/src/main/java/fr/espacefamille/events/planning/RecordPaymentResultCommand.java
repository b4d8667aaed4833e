package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What the payment provider says of an operation. A paid basket is confirmed; a refused or
 * abandoned payment opens the basket again; a payment for a basket that has already expired
 * becomes a credit. The same result recorded twice changes nothing. Answers with the
 * {@link BasketStatus} of the basket afterwards.
 */
public record RecordPaymentResultCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String basketId,
        String operationId,
        PaymentStatus status,
        long amountCents
) {
}
