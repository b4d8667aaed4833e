package fr.espacefamille.events.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Days left a basket before it was confirmed: the parent took them out, the service was full,
 * or the town changed something.
 *
 * @param reason {@code null} when the parent took them out; {@code CAPACITY_FULL} when there was no place;
 *               {@code DAY_CLOSED} when the staff closed the service that day; {@code NOT_ENROLLED} when
 *               an import took the child out of the dossier or the service
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

    public static final String DAY_CLOSED = "DAY_CLOSED";
    public static final String NOT_ENROLLED = "NOT_ENROLLED";

    public DaysRemovedFromBasketEvent {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
