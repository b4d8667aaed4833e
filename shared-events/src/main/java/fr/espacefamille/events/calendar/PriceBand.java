package fr.espacefamille.events.calendar;

/**
 * The price of one day for the families whose quotient is at most {@code maxQuotient}.
 *
 * @param maxQuotient the band's upper bound in euros, included; {@code null} for the last band
 * @param priceCents  the price of one day, in euro cents
 */
public record PriceBand(
        Integer maxQuotient,
        long priceCents
) {
}
