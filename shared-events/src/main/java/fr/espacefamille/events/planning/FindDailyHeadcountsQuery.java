package fr.espacefamille.events.planning;

import java.time.LocalDate;

/** Who comes to each service of each school on a day, answered by {@link DailyHeadcounts}. */
public record FindDailyHeadcountsQuery(LocalDate day) {
}
