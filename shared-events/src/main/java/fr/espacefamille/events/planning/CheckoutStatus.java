package fr.espacefamille.events.planning;

/** What "Payer" did. */
public enum CheckoutStatus {
    /** Nothing to pay: the basket is confirmed. */
    CONFIRMED,
    /** A payment must be made before the basket expires. */
    PAYMENT_REQUIRED,
    /** Places of a capacity-limited service are still being held; try again once they are. */
    AWAITING_PLACES
}
