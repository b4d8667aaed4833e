package fr.espacefamille.command.planning;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.espacefamille.command.dossier.Dossier;
import fr.espacefamille.events.planning.ChangeDaysCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.espacefamille.command.planning.PlanningFixtures.DOSSIER;
import static fr.espacefamille.command.planning.PlanningFixtures.LOUIS;
import static fr.espacefamille.command.planning.PlanningFixtures.SAINT_JUST;
import static fr.espacefamille.command.planning.PlanningFixtures.martinFamily;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dossier with bookings and a basket survives a snapshot: its fields written and read the way
 * the platform's snapshot serializer does (Jackson, fields only) give back the same state.
 */
class DossierSnapshotTest {

    private final MovableClock clock = new MovableClock().setTo("2026-09-01T10:00:00");
    private final AggregateTestFixture<Dossier> fixture = new AggregateTestFixture<>(Dossier.class);

    @Test
    void aDossierWithABasketReadsBackFromItsSnapshotAsItWas() {
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new PlanningRules(SAINT_JUST, (service, days) -> Map.of(),
                                                             Duration.ofMinutes(20)));
        ObjectMapper fields = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

        fixture.given(martinFamily())
               .when(new ChangeDaysCommand(DOSSIER, "fatima", LOUIS, "MERCREDI",
                                           List.of(LocalDate.parse("2026-09-09"), LocalDate.parse("2026-09-16")),
                                           List.of()))
               .expectState(dossier -> {
                   try {
                       String snapshot = fields.writeValueAsString(dossier);
                       Dossier restored = fields.readValue(snapshot, Dossier.class);
                       assertThat(restored).usingRecursiveComparison().isEqualTo(dossier);
                       assertThat(snapshot).contains("2015-00100-P1").contains("2026-09-16");
                   } catch (Exception e) {
                       throw new AssertionError(e);
                   }
               });
    }
}
