package fr.espacefamille.events.capacity;

import java.time.LocalDate;
import java.time.YearMonth;

/** Names the capacity ledger of a service for a month: {@code capacity:TAP:2026-09}. */
public final class CapacityIds {

    private CapacityIds() {
    }

    public static String of(String service, YearMonth month) {
        return "capacity:" + service + ":" + month;
    }

    public static String of(String service, LocalDate day) {
        return of(service, YearMonth.from(day));
    }
}
