package fr.espacefamille.events.capacity;

import java.time.LocalDate;
import java.util.List;

/** Held places became booked places. */
public record PlacesConfirmedEvent(
        String capacityId,
        String basketId,
        String childId,
        List<LocalDate> days
) {

    public PlacesConfirmedEvent {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
