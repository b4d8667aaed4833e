package fr.espacefamille.query.planning;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fr.espacefamille.events.calendar.Billing;
import fr.espacefamille.events.calendar.CutOffRule;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.calendar.PriceBand;
import fr.espacefamille.events.calendar.SchoolCalendar;
import fr.espacefamille.events.calendar.ServiceDefinition;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDetailsChangedEvent;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.BookingsCancelledByTownEvent;
import fr.espacefamille.events.planning.TownCancellation;
import fr.espacefamille.events.planning.TownCancellationCause;
import fr.espacefamille.platform.testing.InMemoryMongo;
import fr.espacefamille.query.notification.MailProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the e-mail about the days the town cancelled says to the family. */
class TownCancellationMailerTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final MongoClient client = MongoClients.create(mongo.uri());
    private static final String DOSSIER = "2015-00100";
    private static final Child LOUIS = new Child("2015-00100-louis-20181215", "Louis", "MARTIN",
            LocalDate.parse("2018-12-15"), "Élémentaire Font de l'Aube", "CE2", List.of("RESTAURATION"));
    private static final Child JADE = new Child("2015-00100-jade-20190405", "Jade", "MARTIN",
            LocalDate.parse("2019-04-05"), "Élémentaire Font de l'Aube", "CE1", List.of("RESTAURATION"));
    private static final PlanningSetup TOWN = new PlanningSetup(List.of(new ServiceDefinition("RESTAURATION",
            "Restauration scolaire", Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY,
                                            DayOfWeek.FRIDAY),
            List.of(new PriceBand(null, 240)), Billing.PREPAID, null, CutOffRule.EVE_AT_FIVE_PM,
            CutOffRule.EVE_AT_FIVE_PM)), new SchoolCalendar("Zone C", List.of(), List.of(), List.of()));

    private final MongoDatabase database = client.getDatabase("mails-" + System.nanoTime());
    private final ObjectMapper objectMapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final FamilyDirectory directory = new FamilyDirectory(database, objectMapper);
    private final TownCancellationMailer mailer = new TownCancellationMailer(null,
            new MailProperties(null, "Saint-Just", "https://famille.saint-just.fr/", null, null), directory,
            null, null);

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @Test
    void aClosedDayIsListedWithItsReasonAndTheCredit() {
        directory.on(new DossierRegisteredEvent(DOSSIER, martins(LOUIS, JADE)));

        String text = mailer.text(new BookingsCancelledByTownEvent(DOSSIER, List.of(
                new TownCancellation(LOUIS.childId(), "RESTAURATION", List.of(day("2026-10-06", 240)),
                                     TownCancellationCause.SERVICE_CLOSED, "Fermeture : grève"),
                new TownCancellation(JADE.childId(), "RESTAURATION", List.of(day("2026-10-06", 240)),
                                     TownCancellationCause.SERVICE_CLOSED, "Fermeture : grève")), 480, 720),
                directory.family(DOSSIER), TOWN);

        assertThat(text).contains("dossier famille n° 2015-00100 (MARTIN)")
                        .contains("Louis – Restauration scolaire : mardi 6 octobre 2026 (Fermeture : grève)")
                        .contains("Jade – Restauration scolaire : mardi 6 octobre 2026 (Fermeture : grève)")
                        .contains("Avoir ajouté à votre compte famille : 4,80 €")
                        .contains("Avoir disponible : 7,20 €")
                        .contains("https://famille.saint-just.fr/")
                        .contains("Le service famille de Saint-Just");
    }

    @Test
    void aChildTheDossierNoLongerListsIsNamedWithTheDaysByMonth() {
        directory.on(new DossierRegisteredEvent(DOSSIER, martins(LOUIS, JADE)));
        directory.on(new DossierDetailsChangedEvent(DOSSIER, martins(JADE), null));

        String text = mailer.text(new BookingsCancelledByTownEvent(DOSSIER, List.of(
                new TownCancellation(LOUIS.childId(), "RESTAURATION",
                                     List.of(day("2026-09-14", 240), day("2026-09-15", 240), day("2026-10-01", 240)),
                                     TownCancellationCause.CHILD_LEFT_DOSSIER, "Enfant retiré du dossier")), 720, 720),
                directory.family(DOSSIER), TOWN);

        assertThat(text).contains("Louis – Restauration scolaire : 3 jours (Enfant retiré du dossier)")
                        .contains("septembre 2026 : lun. 14, mar. 15")
                        .contains("octobre 2026 : jeu. 1")
                        .contains("Avoir ajouté à votre compte famille : 7,20 €");
    }

    private static DossierDetails martins(Child... children) {
        return new DossierDetails("MARTIN", 790, InvoiceDeliveryMode.EMAIL,
                List.of(new Guardian("Mme", "Fatima", "MARTIN", "fatima.martin@example.org", null, null, null)),
                List.of(children));
    }

    private static BasketDay day(String day, long paid) {
        return new BasketDay(LocalDate.parse(day), paid);
    }
}
