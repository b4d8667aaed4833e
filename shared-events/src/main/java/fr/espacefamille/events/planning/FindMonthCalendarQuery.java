package fr.espacefamille.events.planning;

import java.time.YearMonth;

/**
 * The month view of one child at one service. Answered by {@link MonthCalendar}; refused with
 * {@code CHILD_NOT_FOUND} when the child is not in this dossier, {@code UNKNOWN_SERVICE}.
 *
 * @param account the parent looking, to tell his or her basket from another guardian's
 */
public record FindMonthCalendarQuery(
        String dossierNumber,
        String account,
        String childId,
        String service,
        YearMonth month
) {
}
