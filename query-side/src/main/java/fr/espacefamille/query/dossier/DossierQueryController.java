package fr.espacefamille.query.dossier;

import fr.espacefamille.events.dossier.DossierSummaries;
import fr.espacefamille.events.dossier.DossierView;
import fr.espacefamille.events.dossier.FindDossierQuery;
import fr.espacefamille.events.dossier.FindDossiersQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The staff's dossier pages: the list and one dossier.
 *
 * <p>TODO #3 only staff may reach it, once accounts and roles exist.
 */
@RestController
@RequestMapping("/api/staff/dossiers")
class DossierQueryController {

    private final QueryGateway queryGateway;

    DossierQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    Mono<DossierSummaries> dossiers() {
        return Mono.fromFuture(() -> queryGateway.query(new FindDossiersQuery(), DossierSummaries.class));
    }

    @GetMapping("/{dossierNumber}")
    Mono<DossierView> dossier(@PathVariable String dossierNumber) {
        return Mono.fromFuture(() -> queryGateway.query(new FindDossierQuery(dossierNumber), DossierView.class));
    }
}
