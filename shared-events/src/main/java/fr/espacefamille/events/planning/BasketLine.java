package fr.espacefamille.events.planning;

import fr.espacefamille.events.calendar.Billing;

import java.util.List;

/** Days of one child and one service that a basket books or cancels. */
public record BasketLine(
        String childId,
        String service,
        ChangeKind kind,
        Billing billing,
        List<BasketDay> days
) {

    public BasketLine {
        days = days == null ? List.of() : List.copyOf(days);
    }

    public long amountCents() {
        return days.stream().mapToLong(BasketDay::amountCents).sum();
    }
}
