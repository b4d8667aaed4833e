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
import fr.espacefamille.events.calendar.PlanningSetupPublishedEvent;
import fr.espacefamille.events.calendar.PriceBand;
import fr.espacefamille.events.calendar.PublicHoliday;
import fr.espacefamille.events.calendar.SchoolCalendar;
import fr.espacefamille.events.calendar.SchoolHoliday;
import fr.espacefamille.events.calendar.SchoolYear;
import fr.espacefamille.events.calendar.ServiceDayClosedEvent;
import fr.espacefamille.events.calendar.ServiceDefinition;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.events.dossier.GuardianEmailGivenEvent;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import fr.espacefamille.events.planning.BasketConfirmedEvent;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.BasketLine;
import fr.espacefamille.events.planning.BasketOpenedEvent;
import fr.espacefamille.events.planning.BasketTotals;
import fr.espacefamille.events.planning.BookingsCancelledByTownEvent;
import fr.espacefamille.events.planning.ChangeKind;
import fr.espacefamille.events.planning.DailyHeadcounts;
import fr.espacefamille.events.planning.DaysAddedToBasketEvent;
import fr.espacefamille.events.planning.FamilyCredit;
import fr.espacefamille.events.planning.FindDailyHeadcountsQuery;
import fr.espacefamille.events.planning.FindFamilyCreditQuery;
import fr.espacefamille.events.planning.FindMonthCalendarQuery;
import fr.espacefamille.events.planning.MonthCalendar;
import fr.espacefamille.events.planning.TownCancellation;
import fr.espacefamille.events.planning.TownCancellationCause;
import fr.espacefamille.platform.testing.InMemoryMongo;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The planning read models, fed events by hand, and the pages they answer. */
class PlanningProjectionsTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final MongoClient client = MongoClients.create(mongo.uri());
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String DOSSIER = "2015-00100";
    private static final String LOUIS = "2015-00100-louis-20181215";
    private static final String BASKET = DOSSIER + "-P1";
    private static final Instant EXPIRY = Instant.parse("2026-09-01T08:20:00Z");

    private final MongoDatabase database = client.getDatabase("projections-" + System.nanoTime());
    private final ObjectMapper objectMapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final PlanningSetupProjection setups = new PlanningSetupProjection(database, objectMapper);
    private final FamilyDirectory directory = new FamilyDirectory(database, objectMapper);
    private final CalendarProjection calendars = new CalendarProjection(database);
    private final BasketProjection baskets = new BasketProjection(database, objectMapper);
    private final CreditProjection credits = new CreditProjection(database);
    private final Headcounts headcounts = new Headcounts(database, directory);

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @Test
    void aConfirmedDayIsBookedInTheMonthAndCountedInTheDaysHeadcount() {
        givenTheTownAndTheMartins();

        calendars.on(confirmed(ChangeKind.BOOK, "2026-09-08", "2026-09-10"));

        MonthCalendar september = queriesAt("2026-09-01T10:00:00").handle(month("fatima", "2026-09"));
        assertThat(dayOf(september, "2026-09-08").booked()).isTrue();
        assertThat(dayOf(september, "2026-09-08").canCancel()).isTrue();
        assertThat(dayOf(september, "2026-09-09").open()).isFalse();
        assertThat(dayOf(september, "2026-09-09").closedReason()).isEqualTo("Pas de service le mercredi");
        DailyHeadcounts.Headcount canteen = canteen(queriesAt("2026-09-01T10:00:00")
                .handle(new FindDailyHeadcountsQuery(LocalDate.parse("2026-09-08"))));
        assertThat(canteen.count()).isEqualTo(1);
        assertThat(canteen.children().get(0).firstName()).isEqualTo("Louis");
        assertThat(canteen.isFinal()).isFalse();
    }

    @Test
    void theHeadcountIsFinalFromTheCutOffOn() {
        givenTheTownAndTheMartins();
        calendars.on(confirmed(ChangeKind.BOOK, "2026-09-08"));

        DailyHeadcounts.Headcount canteen = canteen(queriesAt("2026-09-07T17:00:00")
                .handle(new FindDailyHeadcountsQuery(LocalDate.parse("2026-09-08"))));

        assertThat(canteen.isFinal()).isTrue();
        assertThat(canteen.cutOff()).isEqualTo(Instant.parse("2026-09-07T15:00:00Z"));
    }

    @Test
    void theAddressAGuardianGaveAtSignUpReceivesTheFamilysMail() {
        givenTheTownAndTheMartins();
        List<String> before = directory.family(DOSSIER).guardianEmails();

        directory.on(new GuardianEmailGivenEvent(DOSSIER, 1, "second.parent@example.org"));
        directory.on(new GuardianEmailGivenEvent(DOSSIER, 1, "second.parent@example.org"));

        assertThat(directory.family(DOSSIER).guardianEmails())
                .containsAll(before).containsOnlyOnce("second.parent@example.org").hasSize(before.size() + 1);
    }

    @Test
    void theEventsOfOneBatchAreWrittenInTheirOrderWhenTheBatchCommits() {
        givenTheTownAndTheMartins();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        calendars.on(confirmed(ChangeKind.BOOK, "2026-09-08", "2026-09-10"));
        calendars.on(confirmed(ChangeKind.CANCEL, "2026-09-08"));
        boolean bookedBeforeTheCommit = dayOf(queriesAt("2026-09-01T10:00:00").handle(month("fatima", "2026-09")),
                                              "2026-09-10").booked();
        batch.commit();

        MonthCalendar september = queriesAt("2026-09-01T10:00:00").handle(month("fatima", "2026-09"));
        assertThat(bookedBeforeTheCommit).isFalse();
        assertThat(dayOf(september, "2026-09-08").booked()).isFalse();
        assertThat(dayOf(september, "2026-09-10").booked()).isTrue();
    }

    @Test
    void aBatchRolledBackWritesNothing() {
        givenTheTownAndTheMartins();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        calendars.on(confirmed(ChangeKind.BOOK, "2026-09-08"));
        batch.rollback();

        assertThat(dayOf(queriesAt("2026-09-01T10:00:00").handle(month("fatima", "2026-09")), "2026-09-08")
                           .booked()).isFalse();
    }

    @Test
    void anEventAppliedTwiceCountsNobodyTwice() {
        givenTheTownAndTheMartins();

        calendars.on(confirmed(ChangeKind.BOOK, "2026-09-08"));
        calendars.on(confirmed(ChangeKind.BOOK, "2026-09-08"));
        credits.on(cancelledWithCredit(), Instant.parse("2026-09-02T08:00:00Z"));
        credits.on(cancelledWithCredit(), Instant.parse("2026-09-02T08:00:00Z"));

        assertThat(canteen(queriesAt("2026-09-01T10:00:00")
                .handle(new FindDailyHeadcountsQuery(LocalDate.parse("2026-09-08")))).count()).isEqualTo(1);
        assertThat(credits.handle(new FindFamilyCreditQuery(DOSSIER)).movements()).hasSize(1);
    }

    @Test
    void aCancelledDayLeavesTheHeadcountAndTheMonthAndCreditsTheFamily() {
        givenTheTownAndTheMartins();
        calendars.on(confirmed(ChangeKind.BOOK, "2026-09-08"));

        calendars.on(cancelledWithCredit());
        credits.on(cancelledWithCredit(), Instant.parse("2026-09-02T08:00:00Z"));

        assertThat(dayOf(queriesAt("2026-09-02T10:00:00").handle(month("fatima", "2026-09")), "2026-09-08").booked())
                .isFalse();
        assertThat(canteen(queriesAt("2026-09-02T10:00:00")
                .handle(new FindDailyHeadcountsQuery(LocalDate.parse("2026-09-08")))).count()).isZero();
        assertThat(credits.handle(new FindFamilyCreditQuery(DOSSIER)).balanceCents()).isEqualTo(240);
    }

    @Test
    void aChildNoLongerEnrolledLeavesTheHeadcounts() {
        givenTheTownAndTheMartins();
        calendars.on(confirmed(ChangeKind.BOOK, "2026-09-08"));

        directory.on(new fr.espacefamille.events.dossier.DossierDetailsChangedEvent(DOSSIER, new DossierDetails(
                "MARTIN", 790, InvoiceDeliveryMode.EMAIL, List.of(), List.of(new Child(LOUIS, "Louis", "MARTIN",
                        LocalDate.parse("2018-12-15"), "Élémentaire Font de l'Aube", "CE2", List.of()))), null));

        assertThat(canteen(queriesAt("2026-09-01T10:00:00")
                .handle(new FindDailyHeadcountsQuery(LocalDate.parse("2026-09-08")))).count()).isZero();
    }

    @Test
    void aDayTheStaffClosedShowsItsReasonCountsNobodyAndCreditsThePaidBooking() {
        givenTheTownAndTheMartins();
        calendars.on(confirmed(ChangeKind.BOOK, "2026-09-08", "2026-09-10"));
        setups.on(new ServiceDayClosedEvent("town-calendar", LocalDate.parse("2026-09-08"), "RESTAURATION", "grève"));

        calendars.on(closedByTheTown());
        credits.on(closedByTheTown(), Instant.parse("2026-09-07T18:00:00Z"), "event-1");

        MonthCalendar september = queriesAt("2026-09-07T20:00:00").handle(month("fatima", "2026-09"));
        assertThat(dayOf(september, "2026-09-08").booked()).isFalse();
        assertThat(dayOf(september, "2026-09-08").closedReason()).isEqualTo("Fermeture : grève");
        assertThat(dayOf(september, "2026-09-10").booked()).isTrue();
        DailyHeadcounts.Headcount canteen = canteen(queriesAt("2026-09-07T20:00:00")
                .handle(new FindDailyHeadcountsQuery(LocalDate.parse("2026-09-08"))));
        assertThat(canteen.count()).isZero();
        assertThat(canteen.open()).isFalse();
        FamilyCredit credit = credits.handle(new FindFamilyCreditQuery(DOSSIER));
        assertThat(credit.balanceCents()).isEqualTo(240);
        assertThat(credit.movements()).singleElement().satisfies(movement -> {
            assertThat(movement.amountCents()).isEqualTo(240);
            assertThat(movement.label()).isEqualTo("Jours payés annulés : fermeture du service");
        });
    }

    @Test
    void aTownCancellationDeliveredTwiceCreditsOnce() {
        givenTheTownAndTheMartins();
        calendars.on(confirmed(ChangeKind.BOOK, "2026-09-08"));

        calendars.on(closedByTheTown());
        calendars.on(closedByTheTown());
        credits.on(closedByTheTown(), Instant.parse("2026-09-07T18:00:00Z"), "event-1");
        credits.on(closedByTheTown(), Instant.parse("2026-09-07T18:00:00Z"), "event-1");

        assertThat(credits.handle(new FindFamilyCreditQuery(DOSSIER)).movements()).hasSize(1);
        assertThat(credits.handle(new FindFamilyCreditQuery(DOSSIER)).balanceCents()).isEqualTo(240);
    }

    @Test
    void aPendingDayIsInMyBasketAndNotInTheOtherGuardians() {
        givenTheTownAndTheMartins();
        DaysAddedToBasketEvent added = new DaysAddedToBasketEvent(DOSSIER, BASKET, "fatima", LOUIS, "RESTAURATION",
                ChangeKind.BOOK, Billing.PREPAID, List.of(new BasketDay(LocalDate.parse("2026-09-08"), 240)),
                false, EXPIRY);
        baskets.on(new BasketOpenedEvent(DOSSIER, BASKET, "fatima", EXPIRY));
        baskets.on(added);
        calendars.on(added);

        MonthCalendar mine = queriesAt("2026-09-01T10:00:00").handle(month("fatima", "2026-09"));
        MonthCalendar theirs = queriesAt("2026-09-01T10:00:00").handle(month("jerome", "2026-09"));

        assertThat(dayOf(mine, "2026-09-08").pending()).isEqualTo(ChangeKind.BOOK);
        assertThat(dayOf(mine, "2026-09-08").pendingInMyBasket()).isTrue();
        assertThat(dayOf(theirs, "2026-09-08").pendingInMyBasket()).isFalse();
        assertThat(dayOf(theirs, "2026-09-08").canBook()).isFalse();
        assertThat(queriesAt("2026-09-01T10:00:00").handle(
                new fr.espacefamille.events.planning.FindBasketQuery(DOSSIER, "fatima")).totals().amountDueCents())
                .isEqualTo(240);
    }

    @Test
    void theMonthShowsHolidaysClosuresFrozenDaysAndTheNextCutOff() {
        givenTheTownAndTheMartins();
        setups.on(new ServiceDayClosedEvent("town-calendar", LocalDate.parse("2026-10-06"), "RESTAURATION", "grève"));

        MonthCalendar october = queriesAt("2026-10-05T17:30:00").handle(month("fatima", "2026-10"));

        assertThat(dayOf(october, "2026-10-06").closedReason()).isEqualTo("Fermeture : grève");
        assertThat(dayOf(october, "2026-10-20").closedReason()).isEqualTo("Vacances de la Toussaint");
        assertThat(dayOf(october, "2026-10-05").frozen()).isTrue();
        assertThat(dayOf(october, "2026-10-08").canBook()).isTrue();
        assertThat(october.nextCutOffDay()).isEqualTo(LocalDate.parse("2026-10-08"));
        assertThat(october.nextCutOff()).isEqualTo(Instant.parse("2026-10-07T15:00:00Z"));
        assertThat(october.previousMonth()).isEqualTo(YearMonth.parse("2026-09"));
        assertThat(october.nextMonth()).isEqualTo(YearMonth.parse("2026-11"));
    }

    // ----- helpers -----

    private void givenTheTownAndTheMartins() {
        ServiceDefinition canteen = new ServiceDefinition("RESTAURATION", "Restauration scolaire",
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                List.of(new PriceBand(800, 240), new PriceBand(null, 410)), Billing.PREPAID, null,
                CutOffRule.EVE_AT_FIVE_PM, CutOffRule.EVE_AT_FIVE_PM);
        SchoolCalendar calendar = new SchoolCalendar("Zone C",
                List.of(new SchoolYear("2026-2027", LocalDate.parse("2026-09-01"), LocalDate.parse("2027-07-02"))),
                List.of(new SchoolHoliday("Vacances de la Toussaint", LocalDate.parse("2026-10-17"),
                                          LocalDate.parse("2026-11-01"))),
                List.of(new PublicHoliday(LocalDate.parse("2026-11-11"), "11 novembre")));
        setups.on(new PlanningSetupPublishedEvent("town-calendar", new PlanningSetup(List.of(canteen), calendar)));
        directory.on(new DossierRegisteredEvent(DOSSIER, new DossierDetails("MARTIN", 790, InvoiceDeliveryMode.EMAIL,
                List.of(new Guardian("Mme", "Fatima", "MARTIN", "fatima.martin@example.org", null, null, null)),
                List.of(new Child(LOUIS, "Louis", "MARTIN", LocalDate.parse("2018-12-15"),
                                  "Élémentaire Font de l'Aube", "CE2", List.of("RESTAURATION"))))));
    }

    private static BasketConfirmedEvent confirmed(ChangeKind kind, String... days) {
        List<BasketDay> basketDays = java.util.Arrays.stream(days).map(day -> new BasketDay(LocalDate.parse(day), 240))
                .toList();
        return new BasketConfirmedEvent(DOSSIER, BASKET, "fatima",
                List.of(new BasketLine(LOUIS, "RESTAURATION", kind, Billing.PREPAID, basketDays)),
                new BasketTotals(240L * days.length, 0, 0, 0, 240L * days.length, 0), "op-1", 240L * days.length, 0);
    }

    private static BasketConfirmedEvent cancelledWithCredit() {
        return new BasketConfirmedEvent(DOSSIER, DOSSIER + "-P2", "fatima",
                List.of(new BasketLine(LOUIS, "RESTAURATION", ChangeKind.CANCEL, Billing.PREPAID,
                                       List.of(new BasketDay(LocalDate.parse("2026-09-08"), 240)))),
                new BasketTotals(0, 240, 0, 240, 0, 0), null, 0, 240);
    }

    private static BookingsCancelledByTownEvent closedByTheTown() {
        return new BookingsCancelledByTownEvent(DOSSIER, List.of(new TownCancellation(LOUIS, "RESTAURATION",
                List.of(new BasketDay(LocalDate.parse("2026-09-08"), 240)), TownCancellationCause.SERVICE_CLOSED,
                "Fermeture : grève")), 240, 240);
    }

    private PlanningQueries queriesAt(String parisTime) {
        Clock clock = Clock.fixed(LocalDateTime.parse(parisTime).atZone(PARIS).toInstant(), PARIS);
        return new PlanningQueries(setups, directory, calendars, baskets, credits, headcounts, clock);
    }

    private static FindMonthCalendarQuery month(String account, String month) {
        return new FindMonthCalendarQuery(DOSSIER, account, LOUIS, "RESTAURATION", YearMonth.parse(month));
    }

    private static MonthCalendar.CalendarDay dayOf(MonthCalendar month, String day) {
        return month.days().stream().filter(d -> d.day().equals(LocalDate.parse(day))).findFirst().orElseThrow();
    }

    private static DailyHeadcounts.Headcount canteen(DailyHeadcounts headcounts) {
        return headcounts.headcounts().stream()
                .filter(headcount -> headcount.service().equals("RESTAURATION")
                        && headcount.school().equals("Élémentaire Font de l'Aube"))
                .findFirst().orElseThrow();
    }
}
