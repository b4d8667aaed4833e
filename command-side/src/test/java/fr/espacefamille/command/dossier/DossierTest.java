package fr.espacefamille.command.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.espacefamille.command.calendar.PlanningProperties;
import fr.espacefamille.command.calendar.PlanningSetupConfiguration;
import fr.espacefamille.command.planning.PlanningRules;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.dossier.AccountLinkedEvent;
import fr.espacefamille.events.dossier.AccountUnlinkedEvent;
import fr.espacefamille.events.dossier.ChangeInvoiceDeliveryModeCommand;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DocumentPublishedEvent;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDetailsChangedEvent;
import fr.espacefamille.events.dossier.DossierDocument;
import fr.espacefamille.events.dossier.DossierImportOutcome;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.events.dossier.GuardianEmailGivenEvent;
import fr.espacefamille.events.dossier.GuardianPhonesChangedEvent;
import fr.espacefamille.events.dossier.ImportDossierCommand;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import fr.espacefamille.events.dossier.InvoiceDeliveryModeChangedEvent;
import fr.espacefamille.events.dossier.LinkAccountCommand;
import fr.espacefamille.events.dossier.LinkedGuardian;
import fr.espacefamille.events.dossier.PublishDocumentCommand;
import fr.espacefamille.events.dossier.RecordGuardianEmailCommand;
import fr.espacefamille.events.dossier.UpdatePhonesCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static fr.espacefamille.command.Refusals.refusedWith;

/** The dossier's rules for accounts, phones, invoices and documents, and imports that keep the family's changes. */
class DossierTest {

    private static final Guardian SOPHIE = new Guardian("Mme", "Sophie", "LEFÈVRE", "sophie.lefevre@example.org",
                                                        "+33781883093", "+33467786134", "3 rue Haute, Saint-Just");
    private static final Guardian NICOLAS = new Guardian("M.", "Nicolas", "LEFÈVRE", null, null, null, null);
    private static final DossierDetails DETAILS = new DossierDetails("LEFÈVRE", 650, InvoiceDeliveryMode.EMAIL,
                                                                     List.of(SOPHIE, NICOLAS), List.of());
    private static final DossierRegisteredEvent REGISTERED = new DossierRegisteredEvent("2018-00544", DETAILS);

    private static final String MARTIN = "2015-00100";

    private final AggregateTestFixture<Dossier> fixture = new AggregateTestFixture<>(Dossier.class);

    /** Imports decide the children's days too: they need the town's rules and a clock. */
    @BeforeEach
    void registerPlanningRules() {
        PlanningSetup setup = PlanningSetupConfiguration.read(
                new PlanningProperties(null, null, null, null, null, null, null, null),
                new DefaultResourceLoader(), new ObjectMapper());
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-09-01T08:00:00Z"),
                                                       ZoneId.of("Europe/Paris")));
        fixture.registerInjectableResource(new PlanningRules(setup, (service, days) -> Map.of(),
                                                             Duration.ofMinutes(20)));
    }

    @Test
    void theNameOfTheLetterMatchesWithoutCaseOrAccents() {
        fixture.given(REGISTERED)
                .when(new LinkAccountCommand("2018-00544", "lefevre", "Lefevre", "sophie.lefevre@example.org"))
                .expectEvents(new AccountLinkedEvent("2018-00544", "Lefevre", 0))
                .expectResultMessagePayload(new LinkedGuardian(0, "Sophie LEFÈVRE"));
    }

    @Test
    void anotherNameIsAMismatch() {
        fixture.given(REGISTERED)
                .when(new LinkAccountCommand("2018-00544", "LEFEBVRE", "Lefevre", "sophie.lefevre@example.org"))
                .expectException(refusedWith("DOSSIER_PAIR_MISMATCH"))
                .expectNoEvents();
    }

    @Test
    void aGuardianWithoutAnEmailIsTheOneWhoGivesAnotherAddress() {
        fixture.given(REGISTERED)
                .when(new LinkAccountCommand("2018-00544", "Lefèvre", "nicolas", "nicolas@example.net"))
                .expectEvents(new AccountLinkedEvent("2018-00544", "nicolas", 1));
    }

    @Test
    void anAddressTheTownDoesNotKnowIsRefusedWhenEveryGuardianHasOne() {
        Guardian withEmail = new Guardian("M.", "Nicolas", "LEFÈVRE", "nicolas@example.net", null, null, null);
        DossierDetails details = new DossierDetails("LEFÈVRE", 650, InvoiceDeliveryMode.EMAIL,
                                                    List.of(SOPHIE, withEmail), List.of());
        fixture.given(new DossierRegisteredEvent("2018-00544", details))
                .when(new LinkAccountCommand("2018-00544", "LEFÈVRE", "intrus", "intrus@example.net"))
                .expectException(refusedWith("EMAIL_NOT_IN_DOSSIER"));
    }

    @Test
    void aGuardianWithAnAccountIsNotTakenAgainWithTheSameAddress() {
        fixture.given(REGISTERED, new AccountLinkedEvent("2018-00544", "Lefevre", 0))
                .when(new LinkAccountCommand("2018-00544", "lefevre", "sophie2", "sophie.lefevre@example.org"))
                .expectException(refusedWith("GUARDIAN_ALREADY_LINKED"))
                .expectNoEvents();
    }

    @Test
    void aGuardianWithoutAnEmailIsTakenByOneAccountOnly() {
        fixture.given(REGISTERED, new AccountLinkedEvent("2018-00544", "nicolas", 1))
                .when(new LinkAccountCommand("2018-00544", "lefevre", "intrus", "intrus@example.net"))
                .expectException(refusedWith("GUARDIAN_ALREADY_LINKED"))
                .expectNoEvents();
    }

    @Test
    void theSameAccountLinkedAgainStandsForItsGuardianAndRecordsNothing() {
        fixture.given(REGISTERED, new AccountLinkedEvent("2018-00544", "nicolas", 1))
                .when(new LinkAccountCommand("2018-00544", "lefevre", "Nicolas", "nicolas@example.net"))
                .expectNoEvents()
                .expectResultMessagePayload(new LinkedGuardian(1, "Nicolas LEFÈVRE"));
    }

    @Test
    void theAddressGivenAtSignUpIsRecordedForAGuardianWithoutOne() {
        fixture.given(REGISTERED, new AccountLinkedEvent("2018-00544", "nicolas", 1))
                .when(new RecordGuardianEmailCommand("2018-00544", "Nicolas", "nicolas@example.net"))
                .expectEvents(new GuardianEmailGivenEvent("2018-00544", 1, "nicolas@example.net"));
    }

    @Test
    void aGuardianWithAnAddressKeepsIt() {
        fixture.given(REGISTERED, new AccountLinkedEvent("2018-00544", "Lefevre", 0))
                .when(new RecordGuardianEmailCommand("2018-00544", "Lefevre", "autre@example.org"))
                .expectNoEvents();
    }

    @Test
    void theNextImportKeepsTheGivenAddressWhileTheExportHasNone() {
        DossierDetails newQuotient = new DossierDetails("LEFÈVRE", 700, InvoiceDeliveryMode.EMAIL,
                                                        List.of(SOPHIE, NICOLAS), List.of());
        Guardian nicolasWithEmail = new Guardian("M.", "Nicolas", "LEFÈVRE", "nicolas@example.net", null, null, null);
        DossierDetails merged = new DossierDetails("LEFÈVRE", 700, InvoiceDeliveryMode.EMAIL,
                                                   List.of(SOPHIE, nicolasWithEmail), List.of());
        fixture.given(REGISTERED, new AccountLinkedEvent("2018-00544", "nicolas", 1),
                      new GuardianEmailGivenEvent("2018-00544", 1, "nicolas@example.net"))
                .when(new ImportDossierCommand("2018-00544", newQuotient))
                .expectEvents(new DossierDetailsChangedEvent("2018-00544", merged, newQuotient));
    }

    @Test
    void anImportThatNoLongerListsAGuardianUnlinksItsAccount() {
        DossierDetails withoutNicolas = new DossierDetails("LEFÈVRE", 650, InvoiceDeliveryMode.EMAIL,
                                                           List.of(SOPHIE), List.of());
        fixture.given(REGISTERED, new AccountLinkedEvent("2018-00544", "Lefevre", 0),
                      new AccountLinkedEvent("2018-00544", "Nicolas", 1))
                .when(new ImportDossierCommand("2018-00544", withoutNicolas))
                .expectEvents(new DossierDetailsChangedEvent("2018-00544", withoutNicolas, null),
                              new AccountUnlinkedEvent("2018-00544", "nicolas", "Nicolas LEFÈVRE"));
    }

    @Test
    void aParentChangesOwnPhones() {
        fixture.given(REGISTERED, new AccountLinkedEvent("2018-00544", "nicolas", 1))
                .when(new UpdatePhonesCommand("2018-00544", "Nicolas", "+33612345678", null))
                .expectEvents(new GuardianPhonesChangedEvent("2018-00544", 1, "+33612345678", null));
    }

    @Test
    void theSamePhonesRecordNothing() {
        fixture.given(REGISTERED, new AccountLinkedEvent("2018-00544", "Lefevre", 0))
                .when(new UpdatePhonesCommand("2018-00544", "lefevre", "+33781883093", "+33467786134"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAccountNotLinkedChangesNothing() {
        fixture.given(REGISTERED)
                .when(new UpdatePhonesCommand("2018-00544", "someone", "+33612345678", null))
                .expectException(refusedWith("ACCOUNT_NOT_LINKED"));
    }

    @Test
    void invoicesByEmailNeedAnAddress() {
        DossierDetails paper = new DossierDetails("LEFÈVRE", 650, InvoiceDeliveryMode.PAPER, List.of(NICOLAS),
                                                  List.of());
        fixture.given(new DossierRegisteredEvent("2018-00544", paper),
                      new AccountLinkedEvent("2018-00544", "nicolas", 0))
                .when(new ChangeInvoiceDeliveryModeCommand("2018-00544", "nicolas", InvoiceDeliveryMode.EMAIL))
                .expectException(refusedWith("INVOICE_EMAIL_WITHOUT_ADDRESS"));
    }

    @Test
    void aParentChoosesPaperInvoices() {
        fixture.given(REGISTERED, new AccountLinkedEvent("2018-00544", "Lefevre", 0))
                .when(new ChangeInvoiceDeliveryModeCommand("2018-00544", "lefevre", InvoiceDeliveryMode.PAPER))
                .expectEvents(new InvoiceDeliveryModeChangedEvent("2018-00544", InvoiceDeliveryMode.PAPER));
    }

    @Test
    void aDocumentIsPublishedOnce() {
        DossierDocument document = new DossierDocument("d1", "Attestation", "attestation.pdf", 1200);
        fixture.given(REGISTERED, new DocumentPublishedEvent("2018-00544", document))
                .when(new PublishDocumentCommand("2018-00544", document))
                .expectNoEvents();
    }

    @Test
    void theNextImportKeepsThePhonesTheFamilyChangedAndTheExportDidNot() {
        DossierDetails newQuotient = new DossierDetails("LEFÈVRE", 700, InvoiceDeliveryMode.EMAIL,
                                                        List.of(SOPHIE, NICOLAS), List.of());
        Guardian sophieOnThePortal = new Guardian("Mme", "Sophie", "LEFÈVRE", "sophie.lefevre@example.org",
                                                  "+33600000001", "+33467786134", "3 rue Haute, Saint-Just");
        DossierDetails merged = new DossierDetails("LEFÈVRE", 700, InvoiceDeliveryMode.PAPER,
                                                   List.of(sophieOnThePortal, NICOLAS), List.of());

        fixture.given(REGISTERED,
                      new GuardianPhonesChangedEvent("2018-00544", 0, "+33600000001", "+33467786134"),
                      new InvoiceDeliveryModeChangedEvent("2018-00544", InvoiceDeliveryMode.PAPER))
                .when(new ImportDossierCommand("2018-00544", newQuotient))
                .expectEvents(new DossierDetailsChangedEvent("2018-00544", merged, newQuotient))
                .expectResultMessagePayload(DossierImportOutcome.CHANGED);
    }

    @Test
    void theSameExportAfterAFamilyChangeChangesNothing() {
        fixture.given(REGISTERED, new GuardianPhonesChangedEvent("2018-00544", 0, "+33600000001", null))
                .when(new ImportDossierCommand("2018-00544", DETAILS))
                .expectNoEvents()
                .expectResultMessagePayload(DossierImportOutcome.UNCHANGED);
    }

    @Test
    void anAccountFollowsItsGuardianWhenTheExportListsTheGuardiansInAnotherOrder() {
        DossierDetails swapped = new DossierDetails("LEFÈVRE", 650, InvoiceDeliveryMode.EMAIL,
                                                    List.of(NICOLAS, SOPHIE), List.of());
        fixture.given(REGISTERED,
                      new AccountLinkedEvent("2018-00544", "Lefevre", 0),
                      new DossierDetailsChangedEvent("2018-00544", swapped, null))
                .when(new UpdatePhonesCommand("2018-00544", "lefevre", "+33699999999", null))
                .expectEvents(new GuardianPhonesChangedEvent("2018-00544", 1, "+33699999999", null));
    }

    @Test
    void theAccountOfAGuardianTheExportNoLongerListsChangesNothing() {
        DossierDetails withoutNicolas = new DossierDetails("LEFÈVRE", 650, InvoiceDeliveryMode.EMAIL,
                                                           List.of(SOPHIE), List.of());
        fixture.given(REGISTERED,
                      new AccountLinkedEvent("2018-00544", "nicolas", 1),
                      new DossierDetailsChangedEvent("2018-00544", withoutNicolas, null))
                .when(new UpdatePhonesCommand("2018-00544", "nicolas", "+33612345678", null))
                .expectException(refusedWith("ACCOUNT_NOT_LINKED"))
                .expectNoEvents();
    }

    @Test
    void aNewDossierIsRegisteredWithAllItsDetails() {
        fixture.givenNoPriorActivity()
                .when(new ImportDossierCommand(MARTIN, martin(790)))
                .expectResultMessagePayload(DossierImportOutcome.REGISTERED)
                .expectEvents(new DossierRegisteredEvent(MARTIN, martin(790)));
    }

    @Test
    void importingTheSameDetailsAgainRecordsNothing() {
        fixture.given(new DossierRegisteredEvent(MARTIN, martin(790)))
                .when(new ImportDossierCommand(MARTIN, martin(790)))
                .expectResultMessagePayload(DossierImportOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void otherDetailsForAKnownDossierAreRecordedAsAChange() {
        fixture.given(new DossierRegisteredEvent(MARTIN, martin(790)))
                .when(new ImportDossierCommand(MARTIN, martin(812)))
                .expectResultMessagePayload(DossierImportOutcome.CHANGED)
                .expectEvents(new DossierDetailsChangedEvent(MARTIN, martin(812), null));
    }

    @Test
    void aChangeIsComparedWithTheLatestDetails() {
        fixture.given(new DossierRegisteredEvent(MARTIN, martin(790)),
                      new DossierDetailsChangedEvent(MARTIN, martin(812), null))
                .when(new ImportDossierCommand(MARTIN, martin(812)))
                .expectResultMessagePayload(DossierImportOutcome.UNCHANGED)
                .expectNoEvents();
    }

    private static DossierDetails martin(int familyQuotient) {
        Guardian fatima = new Guardian("Mme", "Fatima", "MARTIN", "fatima.martin@example.org",
                                       "+33619664806", "+33467410019", "15 impasse des Oliviers, 34400 Saint-Just");
        Child louis = new Child(MARTIN + "-louis-20181215", "Louis", "MARTIN", LocalDate.of(2018, 12, 15),
                                "Élémentaire Font de l'Aube", "CE2", List.of("ACCUEIL_SOIR", "RESTAURATION"));
        return new DossierDetails("MARTIN", familyQuotient, InvoiceDeliveryMode.EMAIL, List.of(fatima), List.of(louis));
    }
}
