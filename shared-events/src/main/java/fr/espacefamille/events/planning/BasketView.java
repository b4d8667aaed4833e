package fr.espacefamille.events.planning;

import java.time.Instant;
import java.util.List;

/**
 * A parent's basket: the recap shown before "Payer".
 *
 * @param basketId         {@code null} when the parent has no basket
 * @param expiresAt        when the basket is released if it is not paid
 * @param lines            by child, service and day
 * @param totals           with the family's credit as it is now
 * @param creditBalanceCents the family's credit before this basket
 */
public record BasketView(
        String dossierNumber,
        String account,
        String basketId,
        BasketStatus status,
        Instant expiresAt,
        List<BasketLineView> lines,
        BasketTotals totals,
        long creditBalanceCents
) {

    public BasketView {
        lines = lines == null ? List.of() : List.copyOf(lines);
        totals = totals == null ? BasketTotals.NONE : totals;
    }

    public static BasketView empty(String dossierNumber, String account, long creditBalanceCents) {
        return new BasketView(dossierNumber, account, null, null, null, List.of(), BasketTotals.NONE,
                              creditBalanceCents);
    }
}
