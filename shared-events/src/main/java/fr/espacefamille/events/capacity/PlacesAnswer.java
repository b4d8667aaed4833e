package fr.espacefamille.events.capacity;

import java.time.LocalDate;
import java.util.List;

/** Which days got a place, and which were full. */
public record PlacesAnswer(
        List<LocalDate> granted,
        List<LocalDate> full
) {

    public PlacesAnswer {
        granted = granted == null ? List.of() : List.copyOf(granted);
        full = full == null ? List.of() : List.copyOf(full);
    }
}
