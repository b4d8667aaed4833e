package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * "Payer": checks every change of the basket against its cut-off again, then confirms the basket
 * at once if there is nothing to pay, or waits for a payment until the basket expires. Refused
 * with {@code BASKET_EMPTY} or {@code PAST_CUT_OFF}. Answers with a {@link CheckoutOutcome}.
 */
public record CheckOutBasketCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String account
) {
}
