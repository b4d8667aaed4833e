package fr.espacefamille.events.capacity;

import java.time.LocalDate;
import java.util.List;

/** Places are held for a child on these days until the basket is confirmed or released. */
public record PlacesHeldEvent(
        String capacityId,
        String service,
        String basketId,
        String childId,
        List<LocalDate> days
) {

    public PlacesHeldEvent {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
