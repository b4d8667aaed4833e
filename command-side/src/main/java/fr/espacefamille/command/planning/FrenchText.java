package fr.espacefamille.command.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and amounts as the portal writes them to French parents; a year as the calendar counts
 * it ({@code uuuu}): year 0 written 0000, not as the first year before Christ.
 */
final class FrenchText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.FRENCH);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("EEEE d MMMM 'à' H 'h' mm", Locale.FRENCH);

    private FrenchText() {
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String moment(Instant instant) {
        return MOMENT.format(instant.atZone(PlanningRules.TOWN_ZONE));
    }
}
