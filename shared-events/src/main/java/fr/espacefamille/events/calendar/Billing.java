package fr.espacefamille.events.calendar;

/** How a service's days are paid for. */
public enum Billing {
    /** Paid when the basket is confirmed ("Payer"); a cancelled paid day becomes a credit. */
    PREPAID,
    /** Counted now, invoiced at the end of the month; nothing to pay in the basket. */
    MONTHLY_INVOICE
}
