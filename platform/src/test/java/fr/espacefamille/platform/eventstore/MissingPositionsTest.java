package fr.espacefamille.platform.eventstore;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MissingPositionsTest {

    @Test
    void aGapStillAwaitedIsNotGivenUp() {
        MissingPositions missing = new MissingPositions(Clock.systemUTC(), Duration.ofMinutes(1));
        missing.update(List.of(5L, 6L), List.of(6L));

        assertThat(missing.isStillAwaited(5)).isTrue();
        assertThat(missing.isFirstGivenUp(5)).isFalse();
    }

    @Test
    void aGapPastItsTimeoutIsGivenUpOnceForTheLog() {
        MissingPositions missing = new MissingPositions(Clock.systemUTC(), Duration.ZERO);
        missing.update(List.of(5L), List.of());

        assertThat(missing.isStillAwaited(5)).isFalse();
        assertThat(missing.isFirstGivenUp(5)).isTrue();
        assertThat(missing.isFirstGivenUp(5)).as("the next polls give it up without saying it again").isFalse();
    }

    @Test
    void aPositionThisProcessReservedAndNeverWroteIsNotReportedAsTimedOut() {
        MissingPositions missing = new MissingPositions(Clock.systemUTC(), Duration.ZERO);
        missing.abandoned(10, 12);
        missing.update(List.of(11L), List.of());

        assertThat(missing.isStillAwaited(11)).isFalse();
        assertThat(missing.isFirstGivenUp(11)).isFalse();
    }
}
