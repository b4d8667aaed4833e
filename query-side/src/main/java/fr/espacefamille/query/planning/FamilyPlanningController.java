package fr.espacefamille.query.planning;

import fr.espacefamille.events.planning.BasketView;
import fr.espacefamille.events.planning.FamilyCredit;
import fr.espacefamille.events.planning.FamilyPlanningView;
import fr.espacefamille.events.planning.FindBasketQuery;
import fr.espacefamille.events.planning.FindFamilyCreditQuery;
import fr.espacefamille.events.planning.FindFamilyPlanningQuery;
import fr.espacefamille.events.planning.FindMonthCalendarQuery;
import fr.espacefamille.events.planning.MonthCalendar;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.YearMonth;

/**
 * A family's planning pages: the children and their services, the month view, the basket, the
 * credit. The access layer guarantees, by path, that the caller is linked to the dossier; the
 * queries check that the child is the dossier's own.
 */
@RestController
@RequestMapping("/api/family/dossiers/{dossierNumber}")
class FamilyPlanningController {

    private final QueryGateway queryGateway;

    FamilyPlanningController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/planning")
    Mono<FamilyPlanningView> planning(@PathVariable String dossierNumber) {
        return Mono.fromFuture(() -> queryGateway.query(new FindFamilyPlanningQuery(dossierNumber),
                                                        FamilyPlanningView.class));
    }

    @GetMapping("/children/{childId}/calendar/{service}/{month}")
    Mono<MonthCalendar> calendar(@PathVariable String dossierNumber, @PathVariable String childId,
                                 @PathVariable String service, @PathVariable YearMonth month, Principal principal) {
        FindMonthCalendarQuery query = new FindMonthCalendarQuery(dossierNumber, username(principal), childId,
                                                                  service, month);
        return Mono.fromFuture(() -> queryGateway.query(query, MonthCalendar.class));
    }

    @GetMapping("/basket")
    Mono<BasketView> basket(@PathVariable String dossierNumber, Principal principal) {
        return Mono.fromFuture(() -> queryGateway.query(new FindBasketQuery(dossierNumber, username(principal)),
                                                        BasketView.class));
    }

    @GetMapping("/credit")
    Mono<FamilyCredit> credit(@PathVariable String dossierNumber) {
        return Mono.fromFuture(() -> queryGateway.query(new FindFamilyCreditQuery(dossierNumber), FamilyCredit.class));
    }

    private static String username(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }
}
