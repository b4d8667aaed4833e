package fr.espacefamille.query.account;

import fr.espacefamille.events.account.AccountView;
import fr.espacefamille.events.account.FindAccountQuery;
import fr.espacefamille.platform.security.DossierAccess;
import fr.espacefamille.platform.security.SessionAuthentication;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * What the pages ask about the visitor: the session (also the first answer that gives the
 * browser its CSRF cookie), the account, the sign-up's progress, the terms of use in force.
 */
@RestController
class SessionQueryController {

    private final QueryGateway queryGateway;
    private final DossierAccess access;
    private final String termsVersion;

    SessionQueryController(QueryGateway queryGateway, DossierAccess access,
                           @Value("${espace-famille.terms.version:2026-09}") String termsVersion) {
        this.queryGateway = queryGateway;
        this.access = access;
        this.termsVersion = termsVersion;
    }

    /**
     * The visitor's session.
     *
     * @param role {@code PARENT}, {@code STAFF} or {@code REGISTRANT}; {@code null} for a visitor
     */
    record SessionInfo(boolean authenticated, String username, String role, List<String> dossierNumbers) {
    }

    /** The session's dossiers are those the account still reaches: an import may have dropped its guardian. */
    @GetMapping("/api/session")
    Mono<SessionInfo> session(Mono<Principal> principal) {
        return principal
                .filter(SessionAuthentication.class::isInstance)
                .map(SessionAuthentication.class::cast)
                .publishOn(Schedulers.boundedElastic())
                .map(caller -> new SessionInfo(true, caller.getName(), caller.session().role().name(),
                                               reachable(caller)))
                .defaultIfEmpty(new SessionInfo(false, null, null, List.of()));
    }

    private List<String> reachable(SessionAuthentication caller) {
        return caller.session().dossierNumbers().stream()
                .filter(number -> access.isOpen(number, caller.getName()))
                .toList();
    }

    @GetMapping({"/api/account", "/api/registration"})
    Mono<AccountView> account(Principal principal) {
        return Mono.fromFuture(() -> queryGateway.query(new FindAccountQuery(principal.getName()), AccountView.class));
    }

    @GetMapping("/api/terms")
    Map<String, String> terms() {
        return Map.of("version", termsVersion, "url", "/cgu.html");
    }
}
