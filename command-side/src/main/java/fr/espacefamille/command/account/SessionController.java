package fr.espacefamille.command.account;

import fr.espacefamille.events.RefusedException;
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

import java.util.List;

/** Login and logout, for parents and staff. What the session is, is read on the query side. */
@RestController
@RequestMapping("/api/session")
class SessionController {

    private final Logins logins;
    private final BrowserSessions sessions;

    SessionController(Logins logins, BrowserSessions sessions) {
        this.logins = logins;
        this.sessions = sessions;
    }

    /**
     * Logs in.
     *
     * @param username as typed, any case
     * @param password as typed
     */
    record LoginForm(String username, String password) {
    }

    /** The session just opened. */
    record Opened(String username, String role, List<String> dossierNumbers) {
    }

    @PostMapping
    Mono<Opened> logIn(@RequestBody LoginForm credentials, ServerWebExchange exchange) {
        String username = Inputs.required(credentials.username(), "l'identifiant");
        String password = Inputs.required(credentials.password(), "le mot de passe");
        String address = BrowserSessions.address(exchange);
        return Mono.fromCallable(() -> {
                    Logins.Login login = logInOrResumeSignUp(username, password, address, exchange);
                    sessions.open(exchange, login.username(), login.role(), login.dossierNumbers());
                    return new Opened(login.username(), login.role().name(), login.dossierNumbers());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(SlowedRefusal.class, refusal -> Mono.delay(refusal.delay()).then(Mono.error(refusal)));
    }

    /**
     * A parent whose account is not activated yet, but whose password was right, is refused and
     * gets a sign-up session, so that the sign-up page can finish the steps or send a new link.
     */
    private Logins.Login logInOrResumeSignUp(String username, String password, String address,
                                             ServerWebExchange exchange) {
        try {
            return logins.logIn(username, password, address);
        } catch (RefusedException refusal) {
            if ("ACCOUNT_NOT_ACTIVATED".equals(refusal.code())) {
                sessions.open(exchange, username.strip(), Role.REGISTRANT, List.of());
            }
            throw refusal;
        }
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logOut(ServerWebExchange exchange) {
        return Mono.fromRunnable(() -> sessions.close(exchange)).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
