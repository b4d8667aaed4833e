package fr.espacefamille.events.calendar;

import java.time.LocalDate;

/** The staff closed a service on a day; it takes no new booking that day. */
public record ServiceDayClosedEvent(
        String calendarId,
        LocalDate day,
        String service,
        String reason
) {
}
