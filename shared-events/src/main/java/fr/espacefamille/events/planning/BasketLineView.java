package fr.espacefamille.events.planning;

import fr.espacefamille.events.calendar.Billing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One day of the recap.
 *
 * @param cutOff         the moment this change freezes; "Payer" after it is refused
 * @param awaitingPlace  the service is full-limited and the place is still being held
 */
public record BasketLineView(
        String childId,
        String service,
        LocalDate day,
        ChangeKind kind,
        Billing billing,
        long amountCents,
        Instant cutOff,
        boolean awaitingPlace
) {
}
