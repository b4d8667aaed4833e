package fr.espacefamille.launcher.planning;

import fr.espacefamille.events.account.AccountContact;
import fr.espacefamille.events.account.FindAccountContactQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the planning tests put around the portal: a clock they move, a caller named by a header
 * (until the security layer names one), and the accounts' contact query.
 */
@TestConfiguration(proxyBeanMethods = false)
class PlanningTestSupport {

    static final String ACCOUNT_HEADER = "X-Test-Account";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Bean
    @Primary
    MovableClock clock() {
        return new MovableClock();
    }

    /** Names the caller after a header, as the security layer will from the session. */
    @Bean
    WebFilter testAccounts() {
        return (exchange, chain) -> {
            String account = exchange.getRequest().getHeaders().getFirst(ACCOUNT_HEADER);
            if (account == null) {
                return chain.filter(exchange);
            }
            Principal principal = () -> account;
            return chain.filter(exchange.mutate().principal(Mono.just(principal)).build());
        };
    }

    @Bean
    AccountContacts accountContacts() {
        return new AccountContacts();
    }

    /** Every account's address is {@code <username>@example.org}. */
    static class AccountContacts {

        @QueryHandler
        AccountContact handle(FindAccountContactQuery query) {
            return new AccountContact(query.username(), query.username() + "@example.org", "Fatima MARTIN");
        }
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
