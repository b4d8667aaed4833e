package fr.espacefamille.command.dossier;

import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDetailsChangedEvent;
import fr.espacefamille.events.dossier.DossierImportOutcome;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.events.dossier.ImportDossierCommand;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

/** The dossier aggregate: what an import records, and when it records nothing. */
class DossierTest {

    private static final String NUMBER = "2015-00100";

    private final FixtureConfiguration<Dossier> fixture = new AggregateTestFixture<>(Dossier.class);

    @Test
    void aNewDossierIsRegisteredWithAllItsDetails() {
        fixture.givenNoPriorActivity()
               .when(new ImportDossierCommand(NUMBER, martin(790)))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(DossierImportOutcome.REGISTERED)
               .expectEvents(new DossierRegisteredEvent(NUMBER, martin(790)));
    }

    @Test
    void importingTheSameDetailsAgainRecordsNothing() {
        fixture.given(new DossierRegisteredEvent(NUMBER, martin(790)))
               .when(new ImportDossierCommand(NUMBER, martin(790)))
               .expectResultMessagePayload(DossierImportOutcome.UNCHANGED)
               .expectNoEvents();
    }

    @Test
    void otherDetailsForAKnownDossierAreRecordedAsAChange() {
        fixture.given(new DossierRegisteredEvent(NUMBER, martin(790)))
               .when(new ImportDossierCommand(NUMBER, martin(812)))
               .expectResultMessagePayload(DossierImportOutcome.CHANGED)
               .expectEvents(new DossierDetailsChangedEvent(NUMBER, martin(812)));
    }

    @Test
    void aChangeIsComparedWithTheLatestDetails() {
        fixture.given(new DossierRegisteredEvent(NUMBER, martin(790)),
                      new DossierDetailsChangedEvent(NUMBER, martin(812)))
               .when(new ImportDossierCommand(NUMBER, martin(812)))
               .expectResultMessagePayload(DossierImportOutcome.UNCHANGED)
               .expectNoEvents();
    }

    private static DossierDetails martin(int familyQuotient) {
        Guardian fatima = new Guardian("Mme", "Fatima", "MARTIN", "fatima.martin@example.org",
                                       "06.19.66.48.06", "04 67 41 00 19", "15 impasse des Oliviers, 34400 Saint-Just");
        Child louis = new Child(NUMBER + "-louis-20181215", "Louis", "MARTIN", LocalDate.of(2018, 12, 15),
                                "Élémentaire Font de l'Aube", "CE2", List.of("RESTAURATION", "ACCUEIL_SOIR"));
        return new DossierDetails("MARTIN", familyQuotient, InvoiceDeliveryMode.EMAIL, List.of(fatima), List.of(louis));
    }
}
