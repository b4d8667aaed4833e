package fr.espacefamille.events.planning;

/**
 * The amounts of a basket, in cents.
 *
 * @param bookingsCents      prepaid days booked
 * @param refundsCents       prepaid days cancelled, which come back as credit
 * @param creditUsedCents    taken from the family's credit
 * @param creditAddedCents   what the cancellations leave on the family's credit
 * @param amountDueCents     to pay now
 * @param invoicedLaterCents days of services invoiced at the end of the month
 */
public record BasketTotals(
        long bookingsCents,
        long refundsCents,
        long creditUsedCents,
        long creditAddedCents,
        long amountDueCents,
        long invoicedLaterCents
) {

    public static final BasketTotals NONE = new BasketTotals(0, 0, 0, 0, 0, 0);
}
