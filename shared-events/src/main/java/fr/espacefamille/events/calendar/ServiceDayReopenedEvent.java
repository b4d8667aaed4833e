package fr.espacefamille.events.calendar;

import java.time.LocalDate;

/** The staff took back the closure of a service on a day. */
public record ServiceDayReopenedEvent(
        String calendarId,
        LocalDate day,
        String service
) {
}
