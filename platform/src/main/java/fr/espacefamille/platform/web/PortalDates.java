package fr.espacefamille.platform.web;

import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The years a request may name a day or a month in, one bound for every address and every body:
 * {@value #FIRST_YEAR} to {@value #LAST_YEAR}. A day further away is no day of the town's
 * planning, and the calendar's arithmetic overflows near the ends of Java's range; without one
 * bound, each endpoint answered such a day in its own way (a headcount of zero, a refusal, an
 * empty month).
 *
 * <p>Days and months of addresses ({@code /headcounts/2026-09-01}, {@code /closures/2026-09})
 * are read by the converters registered here; days of JSON bodies by the strict decoder
 * ({@link StrictRequestBodies}). Both refuse a date out of bounds with {@link OutOfRange},
 * answered {@code DATE_OUT_OF_RANGE}.
 */
public final class PortalDates implements WebFluxConfigurer {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, text -> within(LocalDate.parse(text)));
        registry.addConverter(String.class, YearMonth.class, text -> within(YearMonth.parse(text)));
    }

    static LocalDate within(LocalDate day) {
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw new OutOfRange(day.toString());
        }
        return day;
    }

    static YearMonth within(YearMonth month) {
        if (month.getYear() < FIRST_YEAR || month.getYear() > LAST_YEAR) {
            throw new OutOfRange(month.toString());
        }
        return month;
    }

    /** A day or month out of the portal's years. */
    static final class OutOfRange extends IllegalArgumentException {

        OutOfRange(String date) {
            super("Date out of the portal's years: " + date);
        }
    }
}
