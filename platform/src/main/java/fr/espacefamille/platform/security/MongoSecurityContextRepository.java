package fr.espacefamille.platform.security;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Finds the caller of each request from the session cookie, in the {@link SessionStore}.
 * Sessions are opened and closed by the login and logout endpoints, never here.
 *
 * <p>The lookup blocks, so it runs on a worker; the rest of the request goes on in another
 * task, because Spring Security cancels the lookup once it has its answer, and a cancelled
 * task is interrupted: the request's own database calls would fail if they ran in it.
 */
public class MongoSecurityContextRepository implements ServerSecurityContextRepository {

    private final SessionStore store;
    private final SessionCookies cookies;

    public MongoSecurityContextRepository(SessionStore store, SessionCookies cookies) {
        this.store = store;
        this.cookies = cookies;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return Mono.empty();
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        String token = cookies.read(exchange);
        if (token == null) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> store.find(token))
                .subscribeOn(Schedulers.boundedElastic())
                .publishOn(Schedulers.boundedElastic())
                .flatMap(session -> session.map(found -> Mono.just(contextOf(found))).orElseGet(Mono::empty));
    }

    private static SecurityContext contextOf(Session session) {
        return new SecurityContextImpl(new SessionAuthentication(session));
    }
}
