package fr.espacefamille.events.planning;

/** Where a payment stands at the provider. */
public enum PaymentStatus {
    /** The payer has not finished yet. */
    PENDING,
    /** Paid. */
    PAID,
    /** The bank refused the card. */
    REFUSED,
    /** The payer gave up on the payment page. */
    ABANDONED
}
