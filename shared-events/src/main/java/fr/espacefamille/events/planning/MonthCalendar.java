package fr.espacefamille.events.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A month of one child at one service, day by day.
 *
 * @param nextCutOff    the next moment a day of this service freezes, from now on
 * @param nextCutOffDay the day that freezes then
 * @param previousMonth for the arrow back
 * @param nextMonth     for the arrow forward
 */
public record MonthCalendar(
        String dossierNumber,
        String childId,
        String service,
        String serviceLabel,
        YearMonth month,
        List<CalendarDay> days,
        Instant nextCutOff,
        LocalDate nextCutOffDay,
        YearMonth previousMonth,
        YearMonth nextMonth
) {

    public MonthCalendar {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /**
     * One day of the month.
     *
     * @param open           whether the service opens that day
     * @param closedReason   why not, in French; {@code null} when open
     * @param booked         confirmed
     * @param pending        {@code BOOK} or {@code CANCEL} while in a basket, else {@code null}
     * @param pendingInMyBasket whether the basket is the caller's own, not another guardian's
     * @param canBook        whether it can be put in a basket to book now
     * @param canCancel      whether it can be put in a basket to cancel now
     * @param frozen         past its cut-off: it can no longer change
     * @param bookingCutOff  until when it can be booked
     * @param cancellingCutOff until when it can be cancelled
     */
    public record CalendarDay(
            LocalDate day,
            boolean open,
            String closedReason,
            boolean booked,
            ChangeKind pending,
            boolean pendingInMyBasket,
            boolean canBook,
            boolean canCancel,
            boolean frozen,
            Instant bookingCutOff,
            Instant cancellingCutOff
    ) {
    }
}
