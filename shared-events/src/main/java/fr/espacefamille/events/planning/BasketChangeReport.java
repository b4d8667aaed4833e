package fr.espacefamille.events.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * What a change did to the basket: the days it put in, and those it skipped with the reason.
 *
 * @param booked          days put in the basket to be booked
 * @param cancelled       days put in the basket to be cancelled
 * @param awaitingPlaces  days of a capacity-limited service whose place is still to be held
 * @param skipped         days left out, in date order
 * @param basket          the basket after the change
 */
public record BasketChangeReport(
        String childId,
        String service,
        List<LocalDate> booked,
        List<LocalDate> cancelled,
        List<LocalDate> awaitingPlaces,
        List<SkippedDay> skipped,
        BasketView basket
) {

    public BasketChangeReport {
        booked = booked == null ? List.of() : List.copyOf(booked);
        cancelled = cancelled == null ? List.of() : List.copyOf(cancelled);
        awaitingPlaces = awaitingPlaces == null ? List.of() : List.copyOf(awaitingPlaces);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }
}
