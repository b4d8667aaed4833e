package fr.espacefamille.events.calendar;

import java.time.LocalDate;

/** A public holiday (jour férié), such as {@code 11 novembre}. */
public record PublicHoliday(
        LocalDate day,
        String name
) {
}
