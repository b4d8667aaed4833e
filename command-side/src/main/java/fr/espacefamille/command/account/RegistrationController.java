package fr.espacefamille.command.account;

import fr.espacefamille.platform.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.Principal;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The sign-up's steps. The first one opens a sign-up session (role {@code REGISTRANT}) that
 * the next ones need; it cannot reach any dossier. Where the sign-up stands is read on the
 * query side ({@code GET /api/registration}).
 */
@RestController
@RequestMapping("/api/registration")
class RegistrationController {

    private final Registration registration;
    private final BrowserSessions sessions;

    RegistrationController(Registration registration, BrowserSessions sessions) {
        this.registration = registration;
        this.sessions = sessions;
    }

    /** Step 2: the username, the password and the e-mail address the town's mails go to. */
    record AccountForm(String username, String password, String email) {
    }

    /** Step 4: as printed on the town's letter. */
    record DossierForm(String dossierNumber, String dossierName) {
    }

    /** Step 6: the version of the terms the parent read, and the tick. */
    record TermsForm(String termsVersion, Boolean termsAccepted) {
    }

    /** Where the sign-up stands after a step. */
    record Step(String username, String nextStep, String guardianName, String email) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Step> register(@RequestBody AccountForm form, ServerWebExchange exchange) {
        String address = BrowserSessions.address(exchange);
        return blocking(() -> {
            String username = registration.register(form.username(), form.password(), form.email(), address);
            sessions.open(exchange, username, Role.REGISTRANT, List.of());
            return new Step(username, "DOSSIER", null, null);
        });
    }

    @PostMapping("/dossier")
    Mono<Step> linkDossier(@RequestBody DossierForm form, Principal principal, ServerWebExchange exchange) {
        String address = BrowserSessions.address(exchange);
        return blocking(() -> new Step(principal.getName(), "TERMS",
                registration.linkDossier(principal.getName(), form.dossierNumber(), form.dossierName(), address),
                null));
    }

    @PostMapping("/validation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Step> validate(@RequestBody TermsForm form, Principal principal) {
        return blocking(() -> {
            registration.validate(principal.getName(), form.termsVersion(), Boolean.TRUE.equals(form.termsAccepted()));
            return mailSent(principal.getName());
        });
    }

    @PostMapping("/activation-link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Step> resendActivation(Principal principal) {
        return blocking(() -> {
            registration.resendActivation(principal.getName());
            return mailSent(principal.getName());
        });
    }

    private Step mailSent(String username) {
        return new Step(username, "CHECK_MAIL", null, Masks.email(registration.emailOf(username)));
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
