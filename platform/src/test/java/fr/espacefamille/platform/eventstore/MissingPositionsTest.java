package fr.espacefamille.platform.eventstore;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MissingPositionsTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock();
    private final MissingPositions missing = new MissingPositions(clock, GAP_TIMEOUT);

    @Test
    void aGapIsAwaitedUntilItsTimeoutThenGivenUpOnceForTheLog() {
        missing.update(List.of(5L, 6L), List.of(6L));

        assertThat(missing.isStillAwaited(5)).isTrue();
        assertThat(missing.isFirstGivenUp(5)).isFalse();

        clock.move(GAP_TIMEOUT.plusSeconds(1));

        assertThat(missing.isStillAwaited(5)).isFalse();
        assertThat(missing.isFirstGivenUp(5)).isTrue();
        assertThat(missing.isFirstGivenUp(5)).as("the next polls give it up without saying it again").isFalse();
    }

    @Test
    void aPositionThisProcessReservedAndNeverWroteIsNotReportedAsTimedOut() {
        missing.abandoned(10, 12);
        missing.update(List.of(11L), List.of());
        clock.move(GAP_TIMEOUT.plusSeconds(1));

        assertThat(missing.isStillAwaited(11)).isFalse();
        assertThat(missing.isFirstGivenUp(11)).isFalse();
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-09-01T15:00:00Z");

        void move(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
