package fr.espacefamille.command.planning;

import fr.espacefamille.events.calendar.CutOffRule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The moment a day freezes, as towns write their rules. */
class CutOffRuleTest {

    private static final Set<LocalDate> NONE = Set.of();

    @Test
    void theEveAtFivePmIsAWallClockTimeAcrossBothChangesOfTime() {
        assertThat(CutOffRule.EVE_AT_FIVE_PM.cutOffFor(LocalDate.parse("2026-03-30"), NONE).toInstant())
                .isEqualTo(Instant.parse("2026-03-29T15:00:00Z"));
        assertThat(CutOffRule.EVE_AT_FIVE_PM.cutOffFor(LocalDate.parse("2026-10-26"), NONE).toInstant())
                .isEqualTo(Instant.parse("2026-10-25T16:00:00Z"));
    }

    @Test
    void twoWorkingDaysBeforeAtNoonSkipsTheWeekendAndPublicHolidays() {
        CutOffRule rule = new CutOffRule(2, LocalTime.NOON, "Europe/Paris", false, false);

        // Tuesday 12 May 2026: Monday 11 and Friday 8 (a public holiday) ... Thursday 7 at noon.
        assertThat(rule.cutOffFor(LocalDate.parse("2026-05-12"), Set.of(LocalDate.parse("2026-05-08"))).toString())
                .isEqualTo("2026-05-07T12:00+02:00[Europe/Paris]");
    }

    @Test
    void seventyTwoHoursBeforeIsThreeCalendarDaysAtTheSameHour() {
        CutOffRule rule = new CutOffRule(3, LocalTime.of(8, 0), "Europe/Paris", true, true);

        assertThat(rule.cutOffFor(LocalDate.parse("2026-09-09"), NONE).toString())
                .isEqualTo("2026-09-06T08:00+02:00[Europe/Paris]");
    }
}
