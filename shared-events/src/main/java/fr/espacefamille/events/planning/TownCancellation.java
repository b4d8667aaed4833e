package fr.espacefamille.events.planning;

import java.util.List;

/**
 * Booked days of one child at one service that the town cancelled.
 *
 * @param days   with what was paid for each, which comes back as credit; 0 when invoiced monthly
 * @param reason in French, for the family, such as {@code Fermeture : grève}
 */
public record TownCancellation(
        String childId,
        String service,
        List<BasketDay> days,
        TownCancellationCause cause,
        String reason
) {

    public TownCancellation {
        days = days == null ? List.of() : List.copyOf(days);
    }

    public long amountCents() {
        return days.stream().mapToLong(BasketDay::amountCents).sum();
    }
}
