package fr.espacefamille.events.planning;

import java.util.List;

/**
 * The answer to "Payer".
 *
 * @param redirectUrl     the payment page, when a payment is required and was started
 * @param operationId     the payment provider's operation, when one was started
 * @param awaitingPlaces  lines whose places are still to be held, for {@link CheckoutStatus#AWAITING_PLACES}
 */
public record CheckoutOutcome(
        CheckoutStatus status,
        BasketView basket,
        String operationId,
        String redirectUrl,
        List<BasketLineView> awaitingPlaces
) {

    public CheckoutOutcome {
        awaitingPlaces = awaitingPlaces == null ? List.of() : List.copyOf(awaitingPlaces);
    }

    public CheckoutOutcome withPayment(String operationId, String redirectUrl) {
        return new CheckoutOutcome(status, basket, operationId, redirectUrl, awaitingPlaces);
    }
}
