package fr.espacefamille.launcher.planning;

import com.fasterxml.jackson.databind.JsonNode;
import fr.espacefamille.platform.security.Role;
import fr.espacefamille.platform.security.SessionCookies;
import fr.espacefamille.platform.security.SessionStore;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.espacefamille.platform.testing.Eventually.await;

/** What the planning tests put around the portal: a clock they move, and logged-in callers. */
@TestConfiguration(proxyBeanMethods = false)
class PlanningTestSupport {

    static final String ACCOUNT_HEADER = "X-Test-Account";
    /** The dossiers of the town's export that the demo data imports at start. */
    static final int DEMO_DOSSIERS = 40;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern DOSSIER_PATH = Pattern.compile("/api/family/dossiers/([^/]+)/");

    @Bean
    @Primary
    MovableClock clock() {
        return new MovableClock();
    }

    /**
     * Logs the tests' callers in, as the portal's security sees them: a request that names an
     * account in {@link #ACCOUNT_HEADER} goes with a parent's session for that account, linked to
     * the dossier of its path; any other request with a staff member's session. The header itself
     * never reaches the portal. Every request carries the CSRF cookie and its header, as the web
     * client sends them.
     */
    static ExchangeFilterFunction loggedIn(SessionStore sessions) {
        Map<String, String> opened = new ConcurrentHashMap<>();
        String staff = sessions.open("agent.planning", Role.STAFF, List.of());
        String csrf = UUID.randomUUID().toString();
        return (request, next) -> {
            String account = request.headers().getFirst(ACCOUNT_HEADER);
            String session = account == null ? staff : opened.computeIfAbsent(
                    account + "|" + dossierOf(request.url().getPath()),
                    key -> sessions.open(account, Role.PARENT, List.of(dossierOf(request.url().getPath()))));
            return next.exchange(ClientRequest.from(request)
                    .headers(headers -> {
                        headers.remove(ACCOUNT_HEADER);
                        headers.set("X-XSRF-TOKEN", csrf);
                    })
                    .cookie(SessionCookies.NAME, session)
                    .cookie("XSRF-TOKEN", csrf)
                    .build());
        };
    }

    /** The staff's view of a dossier, once the query side shows it. */
    static JsonNode staffView(WebTestClient http, String dossierNumber) {
        AtomicReference<JsonNode> view = new AtomicReference<>();
        await(() -> {
            view.set(http.get().uri("/api/staff/dossiers/" + dossierNumber).exchange().expectStatus().isOk()
                             .expectBody(JsonNode.class).returnResult().getResponseBody());
            return true;
        });
        return view.get();
    }

    private static String dossierOf(String path) {
        Matcher matcher = DOSSIER_PATH.matcher(path);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** A clock in Paris time that a test sets and moves. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void setTo(String parisLocalDateTime) {
            now.set(LocalDateTime.parse(parisLocalDateTime).atZone(PARIS).toInstant());
        }

        void advance(java.time.Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return PARIS;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
