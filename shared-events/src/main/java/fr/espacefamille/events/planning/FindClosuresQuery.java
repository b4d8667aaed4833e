package fr.espacefamille.events.planning;

import java.time.YearMonth;

/** The days the staff closed in a month, answered by {@link Closures}. */
public record FindClosuresQuery(YearMonth month) {
}
