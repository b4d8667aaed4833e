package fr.espacefamille.query.dossier;

import fr.espacefamille.events.dossier.DossierSummaries;
import fr.espacefamille.events.dossier.DossierView;
import fr.espacefamille.events.dossier.FindDossierQuery;
import fr.espacefamille.events.dossier.FindDossiersQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The staff's dossier pages: the list, one dossier, and its documents. */
@RestController
@RequestMapping("/api/staff/dossiers")
class DossierQueryController {

    private final QueryGateway queryGateway;
    private final DocumentFiles documents;

    DossierQueryController(QueryGateway queryGateway, DocumentFiles documents) {
        this.queryGateway = queryGateway;
        this.documents = documents;
    }

    @GetMapping
    Mono<DossierSummaries> dossiers() {
        return Mono.fromFuture(() -> queryGateway.query(new FindDossiersQuery(), DossierSummaries.class));
    }

    @GetMapping("/{dossierNumber}")
    Mono<DossierView> dossier(@PathVariable String dossierNumber) {
        return Mono.fromFuture(() -> queryGateway.query(new FindDossierQuery(dossierNumber), DossierView.class));
    }

    @GetMapping("/{dossierNumber}/documents/{documentId}")
    Mono<ResponseEntity<byte[]>> document(@PathVariable String dossierNumber, @PathVariable String documentId) {
        return Mono.fromCallable(() -> documents.download(dossierNumber, documentId))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
