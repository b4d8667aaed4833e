package fr.espacefamille.events.capacity;

import java.time.LocalDate;
import java.util.List;

/**
 * Places are free again.
 *
 * @param basketId the basket that held them; {@code null} for booked days that were cancelled
 */
public record PlacesReleasedEvent(
        String capacityId,
        String basketId,
        String childId,
        List<LocalDate> days
) {

    public PlacesReleasedEvent {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
