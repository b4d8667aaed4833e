package fr.espacefamille.events.planning;

import java.time.LocalDate;

/**
 * One day of a basket line and its amount.
 *
 * @param amountCents for a booking, the price of the day by the family's band; for a
 *                    cancellation, what was paid for it and comes back as a credit; 0 when
 *                    invoiced monthly
 */
public record BasketDay(
        LocalDate day,
        long amountCents
) {
}
