package fr.espacefamille.events.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Until when a day can be booked or cancelled: {@code daysBefore} counted days before it, at
 * {@code time} in {@code zone}. A change is accepted while now is before that moment; from it
 * on, the day is frozen.
 *
 * <p>The moment is a wall-clock time in the town's zone, so daylight saving changes do not move
 * it: the eve of the Monday after the spring change is still Sunday at 17:00, Paris time.
 *
 * @param daysBefore          counted days before the day, 0 for the day itself; default 1
 * @param time                the hour on that day; default 17:00
 * @param zone                the time zone of the hour; default {@code Europe/Paris}
 * @param weekendsCount       whether Saturdays and Sundays count as days before; default true
 * @param publicHolidaysCount whether public holidays count as days before; default true
 */
public record CutOffRule(
        Integer daysBefore,
        LocalTime time,
        String zone,
        Boolean weekendsCount,
        Boolean publicHolidaysCount
) {

    /** The town's default: the eve at 17:00, calendar days. */
    public static final CutOffRule EVE_AT_FIVE_PM = new CutOffRule(1, LocalTime.of(17, 0), "Europe/Paris", true, true);

    public CutOffRule {
        daysBefore = daysBefore == null ? 1 : daysBefore;
        time = time == null ? LocalTime.of(17, 0) : time;
        zone = zone == null ? "Europe/Paris" : zone;
        weekendsCount = weekendsCount == null || weekendsCount;
        publicHolidaysCount = publicHolidaysCount == null || publicHolidaysCount;
        if (daysBefore < 0) {
            throw new IllegalArgumentException("daysBefore must not be negative");
        }
    }

    /** The first moment at which {@code day} is frozen. */
    public ZonedDateTime cutOffFor(LocalDate day, Set<LocalDate> publicHolidays) {
        LocalDate date = day;
        int counted = 0;
        while (counted < daysBefore) {
            date = date.minusDays(1);
            if (counts(date, publicHolidays)) {
                counted++;
            }
        }
        return ZonedDateTime.of(date, time, ZoneId.of(zone));
    }

    private boolean counts(LocalDate date, Set<LocalDate> publicHolidays) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (weekend && !weekendsCount) {
            return false;
        }
        return publicHolidaysCount || !publicHolidays.contains(date);
    }
}
