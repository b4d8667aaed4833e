package fr.espacefamille.events.calendar;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Staff take back the closure of a service on a day. Refused if it was not closed. */
public record ReopenServiceDayCommand(
        @TargetAggregateIdentifier String calendarId,
        LocalDate day,
        String service
) {
}
