package fr.espacefamille.query.planning;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.account.AccountContact;
import fr.espacefamille.events.account.FindAccountContactQuery;
import fr.espacefamille.events.calendar.Billing;
import fr.espacefamille.events.calendar.CutOffRule;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.calendar.PlanningSetupPublishedEvent;
import fr.espacefamille.events.calendar.PriceBand;
import fr.espacefamille.events.calendar.SchoolCalendar;
import fr.espacefamille.events.calendar.ServiceDefinition;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import fr.espacefamille.events.planning.BasketConfirmedEvent;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.BasketLine;
import fr.espacefamille.events.planning.BasketTotals;
import fr.espacefamille.events.planning.ChangeKind;
import fr.espacefamille.platform.axon.ReadModelBehindException;
import fr.espacefamille.platform.axon.SideEffectLog;
import fr.espacefamille.platform.testing.InMemoryMongo;
import fr.espacefamille.query.notification.MailProperties;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Whom the booking confirmation goes to, and that it waits for the views it needs rather than guess. */
class ConfirmationMailerTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final MongoClient client = MongoClients.create(mongo.uri());
    private static final String DOSSIER = "2015-00100";
    private static final Child LOUIS = new Child("2015-00100-louis-20181215", "Louis", "MARTIN",
            LocalDate.parse("2018-12-15"), "Élémentaire Font de l'Aube", "CE2", List.of("RESTAURATION"));
    private static final PlanningSetup TOWN = new PlanningSetup(List.of(new ServiceDefinition("RESTAURATION",
            "Restauration scolaire", Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY,
                                            DayOfWeek.FRIDAY),
            List.of(new PriceBand(null, 240)), Billing.PREPAID, null, CutOffRule.EVE_AT_FIVE_PM,
            CutOffRule.EVE_AT_FIVE_PM)), new SchoolCalendar("Zone C", List.of(), List.of(), List.of()));
    private static final BasketConfirmedEvent CONFIRMED = new BasketConfirmedEvent(DOSSIER, DOSSIER + "-P1",
            "fatima", List.of(new BasketLine(LOUIS.childId(), "RESTAURATION", ChangeKind.BOOK, Billing.PREPAID,
                                             List.of(new BasketDay(LocalDate.parse("2026-09-24"), 240)))),
            new BasketTotals(240, 0, 0, 0, 240, 0), "op-1", 240, 0);

    private final MongoDatabase database = client.getDatabase("confirmations-" + System.nanoTime());
    private final ObjectMapper objectMapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final FamilyDirectory directory = new FamilyDirectory(database, objectMapper);
    private final PlanningSetupProjection setups = new PlanningSetupProjection(database, objectMapper);
    private final JavaMailSender mailSender = mock(JavaMailSender.class);
    private final QueryGateway queryGateway = mock(QueryGateway.class);
    private final ConfirmationMailer mailer = new ConfirmationMailer(mailSender,
            new MailProperties(null, "Saint-Just", "https://famille.saint-just.fr/", null, null), queryGateway,
            directory, setups, new SideEffectLog(database, Clock.systemUTC()));

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @Test
    void anAccountNotYetInTheViewMakesTheMailWaitInsteadOfGoingToTheGuardians() {
        knownFamilyAndSetup();
        accountsView(CompletableFuture.failedFuture(RefusedException.notFound("ACCOUNT_NOT_FOUND", "inconnu")));

        assertThatThrownBy(() -> mailer.on(CONFIRMED, "event-1")).isInstanceOf(ReadModelBehindException.class);
        verify(mailSender, never()).send(any(SimpleMailMessage.class));

        accountsView(CompletableFuture.completedFuture(
                new AccountContact("fatima", "fatima.martin@example.org", "Fatima MARTIN")));
        mailer.on(CONFIRMED, "event-1");
        mailer.on(CONFIRMED, "event-1");

        var sent = org.mockito.ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mailSender, times(1)).send(sent.capture());
        assertThat(sent.getValue().getTo()).containsExactly("fatima.martin@example.org");
        assertThat(sent.getValue().getText()).startsWith("Bonjour Fatima MARTIN,")
                .contains("jusqu'à l'heure limite de chaque service, indiquée sur votre planning")
                .doesNotContain("la veille à 17 h");
    }

    @Test
    void aDossierOrASetupNotYetInThePlanningViewsMakesTheMailWait() {
        accountsView(CompletableFuture.completedFuture(
                new AccountContact("fatima", "fatima.martin@example.org", "Fatima MARTIN")));

        assertThatThrownBy(() -> mailer.on(CONFIRMED, "event-2")).isInstanceOf(ReadModelBehindException.class);
        directory.on(new DossierRegisteredEvent(DOSSIER, martins(List.of())));
        assertThatThrownBy(() -> mailer.on(CONFIRMED, "event-2")).isInstanceOf(ReadModelBehindException.class);
        directory.on(new DossierRegisteredEvent(DOSSIER, martins(List.of(LOUIS))));
        assertThatThrownBy(() -> mailer.on(CONFIRMED, "event-2")).isInstanceOf(ReadModelBehindException.class);
        verify(mailSender, never()).send(any(SimpleMailMessage.class));

        setups.on(new PlanningSetupPublishedEvent("town-calendar", TOWN));
        mailer.on(CONFIRMED, "event-2");

        verify(mailSender, times(1)).send(any(SimpleMailMessage.class));
    }

    private void knownFamilyAndSetup() {
        directory.on(new DossierRegisteredEvent(DOSSIER, martins(List.of(LOUIS))));
        setups.on(new PlanningSetupPublishedEvent("town-calendar", TOWN));
    }

    private void accountsView(CompletableFuture<AccountContact> answer) {
        when(queryGateway.query(eq(new FindAccountContactQuery("fatima")), eq(AccountContact.class)))
                .thenReturn(answer);
    }

    private static DossierDetails martins(List<Child> children) {
        return new DossierDetails("MARTIN", 790, InvoiceDeliveryMode.EMAIL,
                List.of(new Guardian("Mme", "Fatima", "MARTIN", "fatima.martin@example.org", null, null, null),
                        new Guardian("M.", "Jérôme", "MARTIN", "jerome.martin@example.net", null, null, null)),
                children);
    }
}
