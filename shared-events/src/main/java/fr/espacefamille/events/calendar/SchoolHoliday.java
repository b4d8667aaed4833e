package fr.espacefamille.events.calendar;

import java.time.LocalDate;

/**
 * School holidays of the town's zone, both days included.
 *
 * @param name as the ministry names them, such as {@code Vacances de la Toussaint}
 */
public record SchoolHoliday(
        String name,
        LocalDate firstDay,
        LocalDate lastDay
) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
