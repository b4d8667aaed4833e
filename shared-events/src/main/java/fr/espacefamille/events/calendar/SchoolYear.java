package fr.espacefamille.events.calendar;

import java.time.LocalDate;

/**
 * A school year of the town's zone, from the first day of classes to the last, both included.
 *
 * @param name such as {@code 2026-2027}
 */
public record SchoolYear(
        String name,
        LocalDate firstDay,
        LocalDate lastDay
) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
