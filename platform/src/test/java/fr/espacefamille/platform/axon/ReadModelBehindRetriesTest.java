package fr.espacefamille.platform.axon;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelBehindRetriesTest {

    @Test
    void aParkedEventIsAskedAgainEverySecondAtFirstThenLessAndLessOften() {
        for (int attempts = 1; attempts <= ReadModelBehindRetries.PROMPT_ATTEMPTS; attempts++) {
            assertThat(ReadModelBehindRetries.delayAfter(attempts)).isEqualTo(Duration.ofSeconds(1));
        }
        assertThat(ReadModelBehindRetries.delayAfter(11)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ReadModelBehindRetries.delayAfter(12)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ReadModelBehindRetries.delayAfter(40)).isEqualTo(ReadModelBehindRetries.LONGEST_DELAY);
    }
}
