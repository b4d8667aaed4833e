package fr.espacefamille.query.dossier;

import fr.espacefamille.events.dossier.DossierView;
import fr.espacefamille.events.dossier.FindDossierQuery;
import fr.espacefamille.platform.security.DossierAccess;
import fr.espacefamille.platform.security.SessionAuthentication;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.Principal;
import java.util.List;

/**
 * Mon dossier for parents: the dossiers linked to the account, one dossier with its details,
 * documents and history, and a document's PDF. The security layer lets a parent reach only
 * the dossiers linked to the account.
 */
@RestController
@RequestMapping("/api/family/dossiers")
class FamilyDossierQueryController {

    private final QueryGateway queryGateway;
    private final DocumentFiles documents;
    private final DossierAccess access;

    FamilyDossierQueryController(QueryGateway queryGateway, DocumentFiles documents, DossierAccess access) {
        this.queryGateway = queryGateway;
        this.documents = documents;
        this.access = access;
    }

    /** A dossier of the account, as listed. */
    record LinkedDossier(String dossierNumber, String dossierName) {
    }

    /** The dossiers of the session that the account still reaches: an import may have dropped its guardian. */
    @GetMapping
    Mono<List<LinkedDossier>> dossiers(Principal principal) {
        return Flux.fromIterable(((SessionAuthentication) principal).session().dossierNumbers())
                .filterWhen(number -> Mono.fromCallable(() -> access.isOpen(number, principal.getName()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .concatMap(number -> Mono.fromFuture(() -> queryGateway.query(new FindDossierQuery(number),
                                                                              DossierView.class))
                        .map(view -> new LinkedDossier(view.dossierNumber(), view.dossierName()))
                        .onErrorResume(failure -> Mono.empty()))
                .collectList();
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
