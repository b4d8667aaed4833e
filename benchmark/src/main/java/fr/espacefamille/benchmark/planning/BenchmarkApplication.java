package fr.espacefamille.benchmark.planning;

import fr.espacefamille.command.CommandSide;
import fr.espacefamille.query.QuerySide;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Both sides in one process, on a clock the benchmark sets. The web server listens on a free
 * local port, unused: the portal's security layer, which the command side needs, is a web one.
 */
@SpringBootApplication
@Import({CommandSide.class, QuerySide.class})
class BenchmarkApplication {

    @Bean
    @Primary
    SettableClock clock() {
        return new SettableClock();
    }

    /** The town's clock, set by the benchmark to the moment each scenario happens. */
    static final class SettableClock extends Clock {

        private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void setTo(Instant instant) {
            now.set(instant);
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
