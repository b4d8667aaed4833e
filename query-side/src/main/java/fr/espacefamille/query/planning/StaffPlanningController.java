package fr.espacefamille.query.planning;

import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.planning.Closures;
import fr.espacefamille.events.planning.DailyHeadcounts;
import fr.espacefamille.events.planning.FindClosuresQuery;
import fr.espacefamille.events.planning.FindDailyHeadcountsQuery;
import fr.espacefamille.events.planning.FindPlanningSetupQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The staff's planning pages: the headcounts of a day (what the caterer needs) and the
 * closures, for staff only; and the services and school calendar, which anyone logged in
 * (staff or parent) may read ({@code SecurityConfiguration} says who reaches what).
 */
@RestController
class StaffPlanningController {

    private final QueryGateway queryGateway;

    StaffPlanningController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/staff/headcounts/{day}")
    Mono<DailyHeadcounts> headcounts(@PathVariable LocalDate day) {
        return Mono.fromFuture(() -> queryGateway.query(new FindDailyHeadcountsQuery(day), DailyHeadcounts.class));
    }

    @GetMapping("/api/staff/closures/{month}")
    Mono<Closures> closures(@PathVariable YearMonth month) {
        return Mono.fromFuture(() -> queryGateway.query(new FindClosuresQuery(month), Closures.class));
    }

    @GetMapping("/api/planning/setup")
    Mono<PlanningSetup> setup() {
        return Mono.fromFuture(() -> queryGateway.query(new FindPlanningSetupQuery(), PlanningSetup.class));
    }
}
