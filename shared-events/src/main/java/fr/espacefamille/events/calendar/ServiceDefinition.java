package fr.espacefamille.events.calendar;

import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A periscolar service as the town runs it.
 *
 * @param code           as the town's export names it, such as {@code RESTAURATION}
 * @param label          in French, for parents
 * @param weekdays       the days of the week it runs on school days
 * @param prices         the price of a day by family-quotient band, lowest band first; a family
 *                       whose quotient is not assessed pays the last band
 * @param billing        paid in the basket or invoiced monthly
 * @param capacityPerDay children at most on one day, town-wide; {@code null} for no limit
 * @param bookingRule    until when a day can be booked
 * @param cancellingRule until when a booked day can be cancelled
 */
public record ServiceDefinition(
        String code,
        String label,
        Set<DayOfWeek> weekdays,
        List<PriceBand> prices,
        Billing billing,
        Integer capacityPerDay,
        CutOffRule bookingRule,
        CutOffRule cancellingRule
) {

    public ServiceDefinition {
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        prices = prices == null ? List.of() : prices.stream()
                .sorted(Comparator.comparing(PriceBand::maxQuotient, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        billing = billing == null ? Billing.PREPAID : billing;
        bookingRule = bookingRule == null ? CutOffRule.EVE_AT_FIVE_PM : bookingRule;
        cancellingRule = cancellingRule == null ? bookingRule : cancellingRule;
    }

    public boolean runsOn(DayOfWeek dayOfWeek) {
        return weekdays.contains(dayOfWeek);
    }

    public boolean hasCapacity() {
        return capacityPerDay != null;
    }

    /** The price of one day for this family quotient, in cents; the last band when not assessed. */
    public long priceFor(Integer familyQuotient) {
        if (prices.isEmpty()) {
            return 0;
        }
        if (familyQuotient != null) {
            for (PriceBand band : prices) {
                if (band.maxQuotient() == null || familyQuotient <= band.maxQuotient()) {
                    return band.priceCents();
                }
            }
        }
        return prices.get(prices.size() - 1).priceCents();
    }
}
