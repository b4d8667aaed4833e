package fr.espacefamille.events.planning;

import java.time.LocalDate;
import java.util.List;

/** The capacity of a service holds a place for these days of the basket. */
public record PlacesGrantedEvent(
        String dossierNumber,
        String basketId,
        String account,
        String childId,
        String service,
        List<LocalDate> days
) {

    public PlacesGrantedEvent {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
