package fr.espacefamille.query.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.espacefamille.events.dossier.AccountLinkedEvent;
import fr.espacefamille.events.dossier.DocumentPublishedEvent;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDocument;
import fr.espacefamille.events.dossier.DossierHistoryEntry;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.DossierView;
import fr.espacefamille.events.dossier.FindDossierQuery;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.events.dossier.GuardianPhonesChangedEvent;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import fr.espacefamille.events.dossier.InvoiceDeliveryModeChangedEvent;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.BookingsCancelledByTownEvent;
import fr.espacefamille.events.planning.TownCancellation;
import fr.espacefamille.events.planning.TownCancellationCause;
import fr.espacefamille.platform.testing.InMemoryMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dossier view that staff and the family read, fed with the dossier's events. */
class DossierProjectionTest {

    private static final InMemoryMongo MONGO = InMemoryMongo.start();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri());
    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private static final Guardian SOPHIE = new Guardian("Mme", "Sophie", "LEFÈVRE", "sophie@example.org",
                                                        "+33781883093", null, "3 rue Haute");

    private final DossierProjection projection = new DossierProjection(
            CLIENT.getDatabase("dossiers-test"),
            JsonMapper.builder().findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .serializationInclusion(JsonInclude.Include.NON_NULL)
                    .build());

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.close();
    }

    @Test
    void theFamilysChangesShowInTheViewAndItsHistoryWithTheirAuthors() {
        projection.on(new DossierRegisteredEvent("2018-00544", new DossierDetails("LEFÈVRE", 650,
                InvoiceDeliveryMode.EMAIL, List.of(SOPHIE), List.of())), 0, T0, "import");
        projection.on(new AccountLinkedEvent("2018-00544", "Lefevre", 0), 1, T0.plusSeconds(60), "account:Lefevre");
        projection.on(new GuardianPhonesChangedEvent("2018-00544", 0, "+33612345678", "+33467000000"), 2,
                      T0.plusSeconds(120), "account:Lefevre");
        projection.on(new InvoiceDeliveryModeChangedEvent("2018-00544", InvoiceDeliveryMode.PAPER), 3,
                      T0.plusSeconds(180), "account:Lefevre");
        projection.on(new DocumentPublishedEvent("2018-00544", new DossierDocument("d1", "Attestation",
                                                                                   "attestation.pdf", 1200)),
                      4, T0.plusSeconds(240), "staff:agent");

        DossierView view = projection.handle(new FindDossierQuery("2018-00544"));

        assertThat(view.guardians().get(0).mobilePhone()).isEqualTo("+33612345678");
        assertThat(view.guardians().get(0).homePhone()).isEqualTo("+33467000000");
        assertThat(view.invoiceDeliveryMode()).isEqualTo(InvoiceDeliveryMode.PAPER);
        assertThat(view.documents()).singleElement().satisfies(document -> {
            assertThat(document.documentId()).isEqualTo("d1");
            assertThat(document.publishedAt()).isEqualTo(T0.plusSeconds(240));
        });
        assertThat(view.history()).extracting(DossierHistoryEntry::author)
                .containsExactly("import", "account:Lefevre", "account:Lefevre", "account:Lefevre", "staff:agent");
        assertThat(view.history()).extracting(DossierHistoryEntry::description).containsExactly(
                "Dossier enregistré", "Compte « Lefevre » rattaché au dossier", "Téléphones modifiés",
                "Factures envoyées par courrier", "Document mis à disposition : Attestation");
    }

    @Test
    void bookingsTheTownCancelledShowInTheHistoryWithTheirAuthor() {
        projection.on(new DossierRegisteredEvent("2016-00137", new DossierDetails("BERNARD", 650,
                InvoiceDeliveryMode.EMAIL, List.of(SOPHIE), List.of())), 0, T0, "import");
        List<BasketDay> paid = List.of(new BasketDay(LocalDate.parse("2026-10-06"), 240));
        List<BasketDay> invoiced = List.of(new BasketDay(LocalDate.parse("2026-10-06"), 0));
        projection.on(new BookingsCancelledByTownEvent("2016-00137", List.of(
                new TownCancellation("2016-00137-adam-20160813", "ACCUEIL_SOIR", invoiced,
                                     TownCancellationCause.SERVICE_CLOSED, "Fermeture : grève"),
                new TownCancellation("2016-00137-adam-20160813", "RESTAURATION", paid,
                                     TownCancellationCause.SERVICE_CLOSED, "Fermeture : grève")), 240, 240),
                      7, T0.plusSeconds(60), "system:closure");

        DossierView view = projection.handle(new FindDossierQuery("2016-00137"));

        assertThat(view.history()).last().satisfies(entry -> {
            assertThat(entry.eventType()).isEqualTo("BookingsCancelledByTownEvent");
            assertThat(entry.author()).isEqualTo("system:closure");
            assertThat(entry.description()).isEqualTo("Réservations annulées par la mairie (Fermeture : grève) : "
                                                      + "2 jours, 2,40 € rendus en avoir");
        });
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        projection.on(new DossierRegisteredEvent("2015-00100", new DossierDetails("MARTIN", null,
                InvoiceDeliveryMode.EMAIL, List.of(SOPHIE), List.of())), 0, T0, "import");
        var published = new DocumentPublishedEvent("2015-00100", new DossierDocument("d2", "Facture", "f.pdf", 10));
        projection.on(published, 1, T0, "staff:agent");
        projection.on(published, 1, T0, "staff:agent");

        DossierView view = projection.handle(new FindDossierQuery("2015-00100"));

        assertThat(view.documents()).hasSize(1);
        assertThat(view.history()).hasSize(2);
    }
}
