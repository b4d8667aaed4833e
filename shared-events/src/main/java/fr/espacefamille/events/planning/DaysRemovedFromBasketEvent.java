package fr.espacefamille.events.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Days left a basket before it was confirmed: the parent took them out, or the service was full.
 *
 * @param reason {@code null} when the parent took them out; {@code CAPACITY_FULL} when there was no place
 */
public record DaysRemovedFromBasketEvent(
        String dossierNumber,
        String basketId,
        String account,
        String childId,
        String service,
        List<LocalDate> days,
        String reason,
        Instant expiresAt
) {

    public DaysRemovedFromBasketEvent {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
