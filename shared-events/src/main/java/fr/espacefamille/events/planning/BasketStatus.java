package fr.espacefamille.events.planning;

/** Where a basket stands. */
public enum BasketStatus {
    /** Changes can be added and removed. */
    OPEN,
    /** "Payer" was validated; the basket waits for its payment and can no longer change. */
    AWAITING_PAYMENT,
    /** Paid or free: its changes are booked. */
    CONFIRMED,
    /** Not paid in time, or emptied: nothing was booked. */
    RELEASED
}
