package fr.espacefamille.events.planning;

import java.time.LocalDate;

/**
 * A day a change left out, and why.
 *
 * @param code    a refusal code, such as {@code DAY_NOT_OPEN} or {@code PAST_CUT_OFF}
 * @param reason  in French, such as {@code Vacances de la Toussaint}
 */
public record SkippedDay(
        LocalDate day,
        String code,
        String reason
) {
}
