package fr.espacefamille.events.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Staff closures of a month, by day. */
public record Closures(
        YearMonth month,
        List<Closure> closures
) {

    public Closures {
        closures = closures == null ? List.of() : List.copyOf(closures);
    }

    public record Closure(
            LocalDate day,
            String service,
            String reason
    ) {
    }
}
