package fr.espacefamille.events.calendar;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Staff close services on a day (strike, closure). Refused for a past day, an unknown service
 * or a missing reason.
 *
 * @param services service codes; empty for every service
 * @param reason   in French, shown to parents, such as {@code grève}
 */
public record CloseServiceDayCommand(
        @TargetAggregateIdentifier String calendarId,
        LocalDate day,
        List<String> services,
        String reason
) {

    public CloseServiceDayCommand {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
