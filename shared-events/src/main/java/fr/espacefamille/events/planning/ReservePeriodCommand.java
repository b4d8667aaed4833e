package fr.espacefamille.events.planning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * A weekly pattern over a period, such as every Monday, Tuesday, Thursday and Friday of the
 * school year: books (or cancels) every day of the pattern that can change, and reports the
 * days it skipped and why. Refused with {@code INVALID_PERIOD} for an empty or reversed period,
 * one longer than a year, or no weekday. Answers with a {@link BasketChangeReport}.
 *
 * @param from first day, included
 * @param to   last day, included
 */
public record ReservePeriodCommand(
        @TargetAggregateIdentifier String dossierNumber,
        String account,
        String childId,
        String service,
        LocalDate from,
        LocalDate to,
        Set<DayOfWeek> weekdays,
        PeriodAction action
) {

    public ReservePeriodCommand {
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        action = action == null ? PeriodAction.BOOK : action;
    }
}
