package fr.espacefamille.events.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The school calendar of the town's zone: its school years, its school holidays (from the
 * ministry's open data) and the public holidays.
 *
 * @param zone such as {@code Zone C}
 */
public record SchoolCalendar(
        String zone,
        List<SchoolYear> schoolYears,
        List<SchoolHoliday> holidays,
        List<PublicHoliday> publicHolidays
) {

    public SchoolCalendar {
        schoolYears = schoolYears == null ? List.of() : List.copyOf(schoolYears);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        publicHolidays = publicHolidays == null ? List.of() : List.copyOf(publicHolidays);
    }

    /** Why there is no school on this day, or {@code null} on a school day. */
    public ClosedReason closedReason(LocalDate day) {
        for (PublicHoliday holiday : publicHolidays) {
            if (holiday.day().equals(day)) {
                return new ClosedReason(ClosedKind.PUBLIC_HOLIDAY, "Jour férié : " + holiday.name());
            }
        }
        for (SchoolHoliday holiday : holidays) {
            if (holiday.contains(day)) {
                return new ClosedReason(ClosedKind.SCHOOL_HOLIDAY, holiday.name());
            }
        }
        if (schoolYears.stream().noneMatch(year -> year.contains(day))) {
            return new ClosedReason(ClosedKind.OUTSIDE_SCHOOL_YEAR, "Hors période scolaire");
        }
        return null;
    }

    public Set<LocalDate> publicHolidayDays() {
        return publicHolidays.stream().map(PublicHoliday::day).collect(Collectors.toUnmodifiableSet());
    }
}
