package fr.espacefamille.command.planning;

import fr.espacefamille.command.dossier.Dossier;
import fr.espacefamille.events.calendar.Billing;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDetailsChangedEvent;
import fr.espacefamille.events.dossier.DossierImportOutcome;
import fr.espacefamille.events.dossier.ImportDossierCommand;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import fr.espacefamille.events.calendar.CutOffRule;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.calendar.PriceBand;
import fr.espacefamille.events.calendar.SchoolCalendar;
import fr.espacefamille.events.calendar.SchoolYear;
import fr.espacefamille.events.calendar.ServiceDefinition;
import fr.espacefamille.events.planning.BasketChangeReport;
import fr.espacefamille.events.planning.BasketCheckedOutEvent;
import fr.espacefamille.events.planning.BasketConfirmedEvent;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.BasketLine;
import fr.espacefamille.events.planning.BasketOpenedEvent;
import fr.espacefamille.events.planning.BasketPaymentFailedEvent;
import fr.espacefamille.events.planning.BasketPaymentStartedEvent;
import fr.espacefamille.events.planning.StartBasketPaymentCommand;
import fr.espacefamille.events.planning.BasketReleasedEvent;
import fr.espacefamille.events.planning.BasketStatus;
import fr.espacefamille.events.planning.BasketTotals;
import fr.espacefamille.events.planning.BookingsCancelledByTownEvent;
import fr.espacefamille.events.planning.CancelClosedDayBookingsCommand;
import fr.espacefamille.events.planning.CancelReservationCommand;
import fr.espacefamille.events.planning.ChangeKind;
import fr.espacefamille.events.planning.CheckOutBasketCommand;
import fr.espacefamille.events.planning.CheckoutOutcome;
import fr.espacefamille.events.planning.CheckoutStatus;
import fr.espacefamille.events.planning.DaysAddedToBasketEvent;
import fr.espacefamille.events.planning.DaysRemovedFromBasketEvent;
import fr.espacefamille.events.planning.ExpireBasketCommand;
import fr.espacefamille.events.planning.LatePaymentCreditedEvent;
import fr.espacefamille.events.planning.PaymentStatus;
import fr.espacefamille.events.planning.PeriodAction;
import fr.espacefamille.events.planning.RecordPaymentResultCommand;
import fr.espacefamille.events.planning.ReserveDayCommand;
import fr.espacefamille.events.planning.ReservePeriodCommand;
import fr.espacefamille.events.planning.SkippedDay;
import fr.espacefamille.events.planning.TownCancellation;
import fr.espacefamille.events.planning.TownCancellationCause;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static fr.espacefamille.command.planning.PlanningFixtures.DOSSIER;
import static fr.espacefamille.command.planning.PlanningFixtures.JADE;
import static fr.espacefamille.command.planning.PlanningFixtures.LOUIS;
import static fr.espacefamille.command.planning.PlanningFixtures.SAINT_JUST;
import static fr.espacefamille.command.planning.PlanningFixtures.martinFamily;
import static fr.espacefamille.command.planning.PlanningFixtures.refusedWith;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** A family's bookings and baskets, decided by the dossier, with the clock of a test. */
class FamilyPlanningTest {

    private static final String FATIMA = "fatima";
    private static final String JEROME = "jerome";
    private static final String BASKET = DOSSIER + "-P1";
    private static final long CANTEEN_PRICE = 240;
    private static final long WEDNESDAY_PRICE = 780;

    private final MovableClock clock = new MovableClock();
    private final Map<LocalDate, String> staffClosures = new HashMap<>();
    private AggregateTestFixture<Dossier> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(SAINT_JUST);
    }

    @Test
    void aDayCanBeBookedUntilOneSecondBeforeFivePmOnTheEve() {
        clock.setTo("2026-09-07T16:59:59");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-09-08"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08"));
    }

    @Test
    void aDayIsFrozenAtFivePmOnTheEve() {
        clock.setTo("2026-09-07T17:00:00");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-09-08"))
               .expectException(refusedWith("PAST_CUT_OFF"))
               .expectExceptionMessage(containsString("lundi 7 septembre à 17 h 00"))
               .expectNoEvents();
    }

    @Test
    void aMondayIsFrozenOnSundayAtFivePmWithCalendarDays() {
        clock.setTo("2026-09-13T17:00:00");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-09-14"))
               .expectException(refusedWith("PAST_CUT_OFF"))
               .expectExceptionMessage(containsString("dimanche 13 septembre à 17 h 00"));
    }

    @Test
    void aMondayCanStillBeBookedOnSundayJustBeforeFivePmWithCalendarDays() {
        clock.setTo("2026-09-13T16:59:59");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-09-14"))
               .expectEvents(opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-14"));
    }

    @Test
    void aMondayIsFrozenOnFridayAtFivePmWhenWeekendsDoNotCount() {
        CutOffRule workingEve = new CutOffRule(1, LocalTime.of(17, 0), "Europe/Paris", false, false);
        fixture = fixtureWith(withCanteenRule(workingEve));
        clock.setTo("2026-09-11T17:00:00");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-09-14"))
               .expectException(refusedWith("PAST_CUT_OFF"))
               .expectExceptionMessage(containsString("vendredi 11 septembre à 17 h 00"));
    }

    @Test
    void aMondayCanBeBookedOnFridayJustBeforeFivePmWhenWeekendsDoNotCount() {
        CutOffRule workingEve = new CutOffRule(1, LocalTime.of(17, 0), "Europe/Paris", false, false);
        fixture = fixtureWith(withCanteenRule(workingEve));
        clock.setTo("2026-09-11T16:59:59");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-09-14"))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void theSpringChangeOfTimeKeepsTheCutOffOfMondayAtFivePmParisTime() {
        // Sunday 29 March 2026 at 2:00 the clocks go forward: 17:00 that day is 15:00 UTC, not 16:00.
        clock.setTo(Instant.parse("2026-03-29T14:59:59Z"));

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-03-30"))
               .expectEvents(opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-03-30"));
    }

    @Test
    void theSpringChangeOfTimeFreezesMondayAtFivePmSummerTime() {
        clock.setTo(Instant.parse("2026-03-29T15:00:00Z"));

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-03-30"))
               .expectException(refusedWith("PAST_CUT_OFF"))
               .expectExceptionMessage(containsString("dimanche 29 mars à 17 h 00"));
    }

    @Test
    void theAutumnChangeOfTimeKeepsTheCutOffOfMondayAtFivePmParisTime() {
        // Sunday 25 October 2026 at 3:00 the clocks go back: 17:00 that day is 16:00 UTC, not 15:00.
        // Monday 26 is in the Toussaint holidays of zone C, so this town has no holidays.
        fixture = fixtureWith(withoutHolidays());
        clock.setTo(Instant.parse("2026-10-25T15:59:59Z"));

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-10-26"))
               .expectEvents(opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-10-26"));
    }

    @Test
    void theAutumnChangeOfTimeFreezesMondayAtFivePmWinterTime() {
        fixture = fixtureWith(withoutHolidays());
        clock.setTo(Instant.parse("2026-10-25T16:00:00Z"));

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-10-26"))
               .expectException(refusedWith("PAST_CUT_OFF"));
    }

    @Test
    void aDayInTheSchoolHolidaysIsNotOpen() {
        clock.setTo("2026-10-01T10:00:00");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-10-20"))
               .expectException(refusedWith("DAY_NOT_OPEN"))
               .expectExceptionMessage(containsString("Vacances de la Toussaint"));
    }

    @Test
    void aPublicHolidayIsNotOpen() {
        clock.setTo("2027-03-01T10:00:00");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2027-03-29"))
               .expectException(refusedWith("DAY_NOT_OPEN"))
               .expectExceptionMessage(containsString("Jour férié : Lundi de Pâques"));
    }

    @Test
    void aDayTheStaffClosedIsNotOpen() {
        staffClosures.put(LocalDate.parse("2026-10-06"), "grève");
        clock.setTo("2026-10-01T10:00:00");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-10-06"))
               .expectException(refusedWith("DAY_NOT_OPEN"))
               .expectExceptionMessage(containsString("Fermeture : grève"));
    }

    @Test
    void aServiceDoesNotOpenOnAWeekdayItDoesNotRun() {
        clock.setTo("2026-10-01T10:00:00");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-10-07"))
               .expectException(refusedWith("DAY_NOT_OPEN"))
               .expectExceptionMessage(containsString("Pas de service le mercredi"));
    }

    @Test
    void aPastDayCannotChange() {
        clock.setTo("2026-10-02T08:00:00");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "RESTAURATION", "2026-10-01"))
               .expectException(refusedWith("PAST_DAY"));
    }

    @Test
    void aChildCannotBeBookedForAServiceHeIsNotEnrolledIn() {
        clock.setTo("2026-10-01T10:00:00");

        fixture.given(martinFamily())
               .when(new ReserveDayCommand(DOSSIER, FATIMA, JADE, "RESTAURATION", LocalDate.parse("2026-10-06")))
               .expectException(refusedWith("NOT_ENROLLED"));
    }

    @Test
    void aChildOfAnotherDossierIsNotFoundInThisOne() {
        clock.setTo("2026-10-01T10:00:00");

        fixture.given(martinFamily())
               .when(new ReserveDayCommand(DOSSIER, FATIMA, "2016-00137-adam-20160813", "RESTAURATION",
                                           LocalDate.parse("2026-10-06")))
               .expectException(refusedWith("CHILD_NOT_FOUND"));
    }

    @Test
    void aDayAlreadyBookedCannotBeBookedAgain() {
        clock.setTo("2026-09-01T10:00:00");

        fixture.given(martinFamily(), opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08"),
                      confirmedCanteen(FATIMA, "2026-09-08"))
               .when(reserve(JEROME, "RESTAURATION", "2026-09-08"))
               .expectException(refusedWith("ALREADY_BOOKED"));
    }

    @Test
    void aDayInTheOtherGuardiansBasketCannotGoInASecondBasket() {
        clock.setTo("2026-09-01T10:00:00");

        fixture.given(martinFamily(), opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08"))
               .when(reserve(JEROME, "RESTAURATION", "2026-09-08"))
               .expectException(refusedWith("ALREADY_IN_BASKET"))
               .expectExceptionMessage(containsString("panier d'un autre responsable"));
    }

    @Test
    void theWholeSchoolYear2026To2027BooksEveryOpenDayOfZoneCAndReportsTheOthers() {
        // Monday, Tuesday, Thursday and Friday from Tuesday 1 September 2026 (rentrée) to Friday
        // 2 July 2027 (eve of the summer holidays) are 175 days. Left out, in zone C:
        //   Toussaint 19 Oct - 30 Oct (8), Noël 21 Dec - 1 Jan (8, of which 25 Dec and 1 Jan are
        //   reported as public holidays), hiver 8 Feb - 19 Feb (8), printemps 5 Apr - 16 Apr (8),
        //   pont de l'Ascension Fri 7 May (1)                                             = 33
        //   public holidays in school weeks: Lundi de Pâques 29 Mar, Ascension Thu 6 May,
        //   Lundi de Pentecôte 17 May (11 Nov 2026 is a Wednesday, 1 and 8 May 2027 Saturdays) = 3
        // 175 - 33 - 3 = 139 open days; by month 17, 10, 17, 11, 16, 8, 17, 10, 14, 17, 2.
        clock.setTo("2026-08-20T10:00:00");

        AtomicReference<BasketChangeReport> answer = new AtomicReference<>();

        fixture.given(martinFamily())
               .when(new ReservePeriodCommand(DOSSIER, FATIMA, LOUIS, "RESTAURATION", LocalDate.parse("2026-09-01"),
                                              LocalDate.parse("2027-07-02"),
                                              Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY,
                                                     DayOfWeek.FRIDAY), PeriodAction.BOOK))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayloadMatching(captured(answer));

        BasketChangeReport report = answer.get();
        assertThat(report.booked()).hasSize(139);
        assertThat(report.skipped()).hasSize(36);
        Map<String, Long> reasons = report.skipped().stream()
                .collect(Collectors.groupingBy(SkippedDay::reason, Collectors.counting()));
        assertThat(reasons).containsEntry("Vacances de la Toussaint", 8L)
                           .containsEntry("Vacances de Noël", 6L)
                           .containsEntry("Jour férié : Jour de Noël", 1L)
                           .containsEntry("Jour férié : 1er janvier", 1L)
                           .containsEntry("Vacances d'Hiver", 8L)
                           .containsEntry("Vacances de Printemps", 8L)
                           .containsEntry("Pont de l'Ascension", 1L)
                           .containsEntry("Jour férié : Lundi de Pâques", 1L)
                           .containsEntry("Jour férié : Ascension", 1L)
                           .containsEntry("Jour férié : Lundi de Pentecôte", 1L);
        assertThat(report.booked()).startsWith(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-03"))
                                   .endsWith(LocalDate.parse("2027-07-01"), LocalDate.parse("2027-07-02"));
        assertThat(report.basket().totals().amountDueCents()).isEqualTo(139 * CANTEEN_PRICE);
    }

    @Test
    void payerChecksTheCutOffAgain() {
        clock.setTo("2026-09-07T16:50:00");
        DaysAddedToBasketEvent added = booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08");
        clock.setTo("2026-09-07T17:00:00");

        fixture.given(martinFamily(), opened(FATIMA), added)
               .when(new CheckOutBasketCommand(DOSSIER, FATIMA))
               .expectException(refusedWith("PAST_CUT_OFF"))
               .expectExceptionMessage(containsString("mardi 8 septembre 2026"))
               .expectNoEvents();
    }

    @Test
    void aBasketWithNothingToPayIsConfirmedAtOnce() {
        clock.setTo("2026-09-01T10:00:00");
        DaysAddedToBasketEvent evening = new DaysAddedToBasketEvent(DOSSIER, BASKET, FATIMA, LOUIS, "ACCUEIL_SOIR",
                ChangeKind.BOOK, Billing.MONTHLY_INVOICE, List.of(new BasketDay(day("2026-09-08"), 140)), false,
                expiry());

        fixture.given(martinFamily(), opened(FATIMA), evening)
               .when(new CheckOutBasketCommand(DOSSIER, FATIMA))
               .expectEvents(new BasketConfirmedEvent(DOSSIER, BASKET, FATIMA,
                       List.of(new BasketLine(LOUIS, "ACCUEIL_SOIR", ChangeKind.BOOK, Billing.MONTHLY_INVOICE,
                                              List.of(new BasketDay(day("2026-09-08"), 140)))),
                       new BasketTotals(0, 0, 0, 0, 0, 140), null, 0, 0))
               .expectResultMessagePayloadMatching(checkout(CheckoutStatus.CONFIRMED));
    }

    @Test
    void aBasketWithAnAmountWaitsForItsPaymentTwentyMinutes() {
        clock.setTo("2026-09-01T10:00:00");

        fixture.given(martinFamily(), opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08"))
               .when(new CheckOutBasketCommand(DOSSIER, FATIMA))
               .expectEvents(new BasketCheckedOutEvent(DOSSIER, BASKET, FATIMA,
                       new BasketTotals(CANTEEN_PRICE, 0, 0, 0, CANTEEN_PRICE, 0),
                       Instant.parse("2026-09-01T08:20:00Z")))
               .expectResultMessagePayloadMatching(checkout(CheckoutStatus.PAYMENT_REQUIRED));
    }

    @Test
    void aPaidBasketIsConfirmed() {
        clock.setTo("2026-09-01T10:00:00");

        fixture.given(awaitingPayment())
               .when(new RecordPaymentResultCommand(DOSSIER, BASKET, "op-1", PaymentStatus.PAID, CANTEEN_PRICE))
               .expectEvents(confirmedCanteen(FATIMA, "op-1", "2026-09-08"))
               .expectResultMessagePayload(BasketStatus.CONFIRMED);
    }

    @Test
    void aSecondPayerResumesThePaymentUnderWay() {
        clock.setTo("2026-09-01T10:05:00");

        fixture.given(awaitingPayment())
               .when(new CheckOutBasketCommand(DOSSIER, FATIMA))
               .expectNoEvents()
               .expectResultMessagePayloadMatching(matches(outcome -> outcome instanceof CheckoutOutcome checkout
                       && checkout.status() == CheckoutStatus.PAYMENT_REQUIRED
                       && "op-1".equals(checkout.operationId())));
    }

    @Test
    void aBasketHasOnePaymentUnderWayAtATime() {
        clock.setTo("2026-09-01T10:05:00");

        fixture.given(awaitingPayment())
               .when(new StartBasketPaymentCommand(DOSSIER, BASKET, "op-2", CANTEEN_PRICE))
               .expectException(refusedWith(FamilyPlanning.PAYMENT_ALREADY_STARTED))
               .expectNoEvents();
    }

    @Test
    void theSamePaymentStartedTwiceIsRecordedOnce() {
        clock.setTo("2026-09-01T10:05:00");

        fixture.given(awaitingPayment())
               .when(new StartBasketPaymentCommand(DOSSIER, BASKET, "op-1", CANTEEN_PRICE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void afterARefusedPaymentANewOneCanStart() {
        clock.setTo("2026-09-01T10:05:00");

        fixture.given(awaitingPayment())
               .andGiven(new BasketPaymentFailedEvent(DOSSIER, BASKET, FATIMA, "op-1", PaymentStatus.REFUSED,
                                                      Instant.parse("2026-09-01T08:20:00Z")),
                         new BasketCheckedOutEvent(DOSSIER, BASKET, FATIMA,
                                                   new BasketTotals(CANTEEN_PRICE, 0, 0, 0, CANTEEN_PRICE, 0),
                                                   Instant.parse("2026-09-01T08:25:00Z")))
               .when(new StartBasketPaymentCommand(DOSSIER, BASKET, "op-2", CANTEEN_PRICE))
               .expectEvents(new BasketPaymentStartedEvent(DOSSIER, BASKET, "op-2", CANTEEN_PRICE));
    }

    @Test
    void aRefusedPaymentOpensTheBasketAgainUntilItExpires() {
        clock.setTo("2026-09-01T10:00:00");

        fixture.given(awaitingPayment())
               .when(new RecordPaymentResultCommand(DOSSIER, BASKET, "op-1", PaymentStatus.REFUSED, 0))
               .expectEvents(new BasketPaymentFailedEvent(DOSSIER, BASKET, FATIMA, "op-1", PaymentStatus.REFUSED,
                                                          Instant.parse("2026-09-01T08:20:00Z")))
               .expectResultMessagePayload(BasketStatus.OPEN);
    }

    @Test
    void anAbandonedPaymentOpensTheBasketAgainUntilItExpires() {
        clock.setTo("2026-09-01T10:00:00");

        fixture.given(awaitingPayment())
               .when(new RecordPaymentResultCommand(DOSSIER, BASKET, "op-1", PaymentStatus.ABANDONED, 0))
               .expectEvents(new BasketPaymentFailedEvent(DOSSIER, BASKET, FATIMA, "op-1", PaymentStatus.ABANDONED,
                                                          Instant.parse("2026-09-01T08:20:00Z")));
    }

    @Test
    void aDuplicatedPaymentNotificationChangesNothing() {
        clock.setTo("2026-09-01T10:00:00");
        List<Object> history = new java.util.ArrayList<>(Arrays.asList(awaitingPayment()));
        history.add(confirmedCanteen(FATIMA, "op-1", "2026-09-08"));

        fixture.given(history)
               .when(new RecordPaymentResultCommand(DOSSIER, BASKET, "op-1", PaymentStatus.PAID, CANTEEN_PRICE))
               .expectNoEvents()
               .expectResultMessagePayload(BasketStatus.CONFIRMED);
    }

    @Test
    void anUnpaidBasketIsStillHeldOneSecondBeforeItsExpiry() {
        clock.setTo("2026-09-01T10:19:59");

        fixture.given(awaitingPayment())
               .when(new ExpireBasketCommand(DOSSIER, BASKET))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void anUnpaidBasketIsReleasedAfterTwentyMinutesBookingNothing() {
        clock.setTo("2026-09-01T10:20:00");

        fixture.given(awaitingPayment())
               .when(new ExpireBasketCommand(DOSSIER, BASKET))
               .expectEvents(new BasketReleasedEvent(DOSSIER, BASKET, FATIMA, List.of(canteenLine("2026-09-08")),
                                                     BasketReleasedEvent.EXPIRED))
               .expectResultMessagePayload(true);
    }

    @Test
    void aPaymentArrivingAfterTheBasketExpiredBecomesACredit() {
        clock.setTo("2026-09-01T10:25:00");
        List<Object> history = new java.util.ArrayList<>(Arrays.asList(awaitingPayment()));
        history.add(new BasketReleasedEvent(DOSSIER, BASKET, FATIMA, List.of(canteenLine("2026-09-08")),
                                            BasketReleasedEvent.EXPIRED));

        fixture.given(history)
               .when(new RecordPaymentResultCommand(DOSSIER, BASKET, "op-1", PaymentStatus.PAID, CANTEEN_PRICE))
               .expectEvents(new LatePaymentCreditedEvent(DOSSIER, BASKET, "op-1", CANTEEN_PRICE, CANTEEN_PRICE))
               .expectResultMessagePayload(BasketStatus.RELEASED);
    }

    @Test
    void cancellingAPaidDayBeforeTheCutOffTurnsItsPriceIntoACredit() {
        clock.setTo("2026-09-01T10:00:00");
        DaysAddedToBasketEvent cancellation = new DaysAddedToBasketEvent(DOSSIER, DOSSIER + "-P2", FATIMA, LOUIS,
                "RESTAURATION", ChangeKind.CANCEL, Billing.PREPAID, List.of(new BasketDay(day("2026-09-08"),
                                                                                         CANTEEN_PRICE)),
                false, expiry());

        fixture.given(martinFamily(), opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08"),
                      confirmedCanteen(FATIMA, "2026-09-08"),
                      new BasketOpenedEvent(DOSSIER, DOSSIER + "-P2", FATIMA, expiry()), cancellation)
               .when(new CheckOutBasketCommand(DOSSIER, FATIMA))
               .expectEvents(new BasketConfirmedEvent(DOSSIER, DOSSIER + "-P2", FATIMA,
                       List.of(new BasketLine(LOUIS, "RESTAURATION", ChangeKind.CANCEL, Billing.PREPAID,
                                              List.of(new BasketDay(day("2026-09-08"), CANTEEN_PRICE)))),
                       new BasketTotals(0, CANTEEN_PRICE, 0, CANTEEN_PRICE, 0, 0), null, 0, CANTEEN_PRICE));
    }

    @Test
    void theCancellationOfAPaidDayIsPricedAtWhatWasPaid() {
        clock.setTo("2026-09-01T10:00:00");

        fixture.given(martinFamily(), opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08"),
                      confirmedCanteen(FATIMA, "2026-09-08"))
               .when(new CancelReservationCommand(DOSSIER, JEROME, LOUIS, "RESTAURATION", day("2026-09-08")))
               .expectEvents(new BasketOpenedEvent(DOSSIER, DOSSIER + "-P2", JEROME, expiry()),
                             new DaysAddedToBasketEvent(DOSSIER, DOSSIER + "-P2", JEROME, LOUIS, "RESTAURATION",
                                     ChangeKind.CANCEL, Billing.PREPAID,
                                     List.of(new BasketDay(day("2026-09-08"), CANTEEN_PRICE)), false, expiry()));
    }

    @Test
    void theFamilysCreditPaysTheNextBasket() {
        clock.setTo("2026-09-01T10:00:00");
        List<Object> history = new java.util.ArrayList<>(Arrays.asList(awaitingPayment()));
        history.add(new BasketReleasedEvent(DOSSIER, BASKET, FATIMA, List.of(canteenLine("2026-09-08")),
                                            BasketReleasedEvent.EXPIRED));
        history.add(new LatePaymentCreditedEvent(DOSSIER, BASKET, "op-1", CANTEEN_PRICE, CANTEEN_PRICE));
        history.add(new BasketOpenedEvent(DOSSIER, DOSSIER + "-P2", FATIMA, expiry()));
        history.add(new DaysAddedToBasketEvent(DOSSIER, DOSSIER + "-P2", FATIMA, LOUIS, "RESTAURATION",
                ChangeKind.BOOK, Billing.PREPAID, List.of(new BasketDay(day("2026-09-10"), CANTEEN_PRICE)),
                false, expiry()));

        fixture.given(history)
               .when(new CheckOutBasketCommand(DOSSIER, FATIMA))
               .expectEvents(new BasketConfirmedEvent(DOSSIER, DOSSIER + "-P2", FATIMA,
                       List.of(new BasketLine(LOUIS, "RESTAURATION", ChangeKind.BOOK, Billing.PREPAID,
                                              List.of(new BasketDay(day("2026-09-10"), CANTEEN_PRICE)))),
                       new BasketTotals(CANTEEN_PRICE, 0, CANTEEN_PRICE, 0, 0, 0), null, 0, 0));
    }

    @Test
    void aDayOfACapacityLimitedServiceWaitsForItsPlaceInTheBasket() {
        clock.setTo("2026-09-01T10:00:00");

        fixture.given(martinFamily())
               .when(reserve(FATIMA, "MERCREDI", "2026-09-09"))
               .expectEvents(opened(FATIMA), new DaysAddedToBasketEvent(DOSSIER, BASKET, FATIMA, LOUIS, "MERCREDI",
                       ChangeKind.BOOK, Billing.PREPAID, List.of(new BasketDay(day("2026-09-09"), WEDNESDAY_PRICE)),
                       true, expiry()));
    }

    // ----- what the town takes back -----

    @Test
    void aClosedDayCancelsItsBookingsPastTheCutOffAndCreditsThePaidOne() {
        staffClosures.put(day("2026-09-08"), "grève");
        clock.setTo("2026-09-08T07:30:00");

        fixture.given(martinFamily(), opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08"),
                      confirmedCanteen(FATIMA, "op-1", "2026-09-08"), eveningBooked("2026-09-08"))
               .when(new CancelClosedDayBookingsCommand(DOSSIER, day("2026-09-08"),
                                                        List.of("RESTAURATION", "ACCUEIL_SOIR")))
               .expectEvents(new BookingsCancelledByTownEvent(DOSSIER, List.of(
                               closedDay("ACCUEIL_SOIR", "2026-09-08", 0),
                               closedDay("RESTAURATION", "2026-09-08", CANTEEN_PRICE)),
                       CANTEEN_PRICE, CANTEEN_PRICE))
               .expectResultMessagePayload(true);
    }

    @Test
    void aClosureSentAgainCancelsNothingTwice() {
        staffClosures.put(day("2026-09-08"), "grève");
        clock.setTo("2026-09-08T07:30:00");

        fixture.given(martinFamily(), opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08"),
                      confirmedCanteen(FATIMA, "op-1", "2026-09-08"),
                      new BookingsCancelledByTownEvent(DOSSIER, List.of(closedDay("RESTAURATION", "2026-09-08",
                                                                                 CANTEEN_PRICE)),
                                                       CANTEEN_PRICE, CANTEEN_PRICE))
               .when(new CancelClosedDayBookingsCommand(DOSSIER, day("2026-09-08"), List.of("RESTAURATION")))
               .expectNoEvents()
               .expectResultMessagePayload(true);
    }

    @Test
    void aClosureTheCalendarDoesNotShowYetCancelsNothingAndAsksToComeAgain() {
        clock.setTo("2026-09-08T07:30:00");

        fixture.given(martinFamily(), opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08"),
                      confirmedCanteen(FATIMA, "op-1", "2026-09-08"))
               .when(new CancelClosedDayBookingsCommand(DOSSIER, day("2026-09-08"), List.of("RESTAURATION")))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void aClosedDayLeavesTheOpenBasketsAndTheOtherDaysStay() {
        staffClosures.put(day("2026-09-08"), "grève");
        clock.setTo("2026-09-01T10:00:00");

        fixture.given(martinFamily(), opened(FATIMA),
                      booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08", "2026-09-10"))
               .when(new CancelClosedDayBookingsCommand(DOSSIER, day("2026-09-08"), List.of("RESTAURATION")))
               .expectEvents(new DaysRemovedFromBasketEvent(DOSSIER, BASKET, FATIMA, LOUIS, "RESTAURATION",
                                                            List.of(day("2026-09-08")),
                                                            DaysRemovedFromBasketEvent.DAY_CLOSED, expiry()));
    }

    @Test
    void aBasketAwaitingItsPaymentForAClosedDayIsReleasedWhole() {
        staffClosures.put(day("2026-09-08"), "grève");
        clock.setTo("2026-09-01T10:05:00");

        fixture.given(awaitingPayment())
               .when(new CancelClosedDayBookingsCommand(DOSSIER, day("2026-09-08"), List.of("RESTAURATION")))
               .expectEvents(new BasketReleasedEvent(DOSSIER, BASKET, FATIMA, List.of(canteenLine("2026-09-08")),
                                                     BasketReleasedEvent.CHANGED_BY_TOWN));
    }

    @Test
    void aPaymentForABasketTheTownReleasedBecomesACredit() {
        clock.setTo("2026-09-01T10:06:00");
        List<Object> history = new java.util.ArrayList<>(Arrays.asList(awaitingPayment()));
        history.add(new BasketReleasedEvent(DOSSIER, BASKET, FATIMA, List.of(canteenLine("2026-09-08")),
                                            BasketReleasedEvent.CHANGED_BY_TOWN));

        fixture.given(history)
               .when(new RecordPaymentResultCommand(DOSSIER, BASKET, "op-1", PaymentStatus.PAID, CANTEEN_PRICE))
               .expectEvents(new LatePaymentCreditedEvent(DOSSIER, BASKET, "op-1", CANTEEN_PRICE, CANTEEN_PRICE));
    }

    @Test
    void payerRefusesADayClosedSinceItWentInTheBasket() {
        clock.setTo("2026-09-01T10:00:00");
        DaysAddedToBasketEvent added = booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, "2026-09-08");
        staffClosures.put(day("2026-09-08"), "grève");

        fixture.given(martinFamily(), opened(FATIMA), added)
               .when(new CheckOutBasketCommand(DOSSIER, FATIMA))
               .expectException(refusedWith("DAY_NOT_OPEN"))
               .expectExceptionMessage(containsString("mardi 8 septembre 2026 (Fermeture : grève)"))
               .expectNoEvents();
    }

    @Test
    void aChildTheImportRemovesLosesHisDaysFromTheFirstOneNotFrozen() {
        // Wednesday 9 September at 18:00: Tuesday 8 is past and Thursday 10 frozen since 17:00.
        clock.setTo("2026-09-01T10:00:00");
        Object[] booked = louisBookedCanteen("2026-09-08", "2026-09-10", "2026-09-11", "2026-09-14");
        clock.setTo("2026-09-09T18:00:00");
        DossierDetails withoutLouis = withChildren(jade());

        fixture.given(booked)
               .when(new ImportDossierCommand(DOSSIER, withoutLouis))
               .expectEvents(new DossierDetailsChangedEvent(DOSSIER, withoutLouis, null),
                             new BookingsCancelledByTownEvent(DOSSIER, List.of(new TownCancellation(LOUIS,
                                     "RESTAURATION", List.of(new BasketDay(day("2026-09-11"), CANTEEN_PRICE),
                                                             new BasketDay(day("2026-09-14"), CANTEEN_PRICE)),
                                     TownCancellationCause.CHILD_LEFT_DOSSIER, "Enfant retiré du dossier")),
                                     2 * CANTEEN_PRICE, 2 * CANTEEN_PRICE))
               .expectResultMessagePayload(DossierImportOutcome.CHANGED);
    }

    @Test
    void anEnrolmentTheImportRemovesTakesOnlyThatServicesDays() {
        clock.setTo("2026-09-01T10:00:00");
        List<Object> history = new java.util.ArrayList<>(Arrays.asList(
                louisBookedCanteen("2026-09-10")));
        List<BasketDay> wednesday = List.of(new BasketDay(day("2026-09-23"), WEDNESDAY_PRICE));
        history.add(new BasketConfirmedEvent(DOSSIER, DOSSIER + "-P2", FATIMA,
                List.of(new BasketLine(LOUIS, "MERCREDI", ChangeKind.BOOK, Billing.PREPAID, wednesday)),
                new BasketTotals(WEDNESDAY_PRICE, 0, 0, 0, WEDNESDAY_PRICE, 0), "op-2", WEDNESDAY_PRICE, 0));
        history.add(new BasketOpenedEvent(DOSSIER, DOSSIER + "-P3", FATIMA, expiry()));
        history.add(new DaysAddedToBasketEvent(DOSSIER, DOSSIER + "-P3", FATIMA, LOUIS, "MERCREDI", ChangeKind.BOOK,
                Billing.PREPAID, List.of(new BasketDay(day("2026-09-16"), WEDNESDAY_PRICE)), true, expiry()));
        DossierDetails withoutWednesdays = withChildren(louis(List.of("ACCUEIL_SOIR", "RESTAURATION", "TAP")), jade());

        fixture.given(history)
               .when(new ImportDossierCommand(DOSSIER, withoutWednesdays))
               .expectEvents(new DossierDetailsChangedEvent(DOSSIER, withoutWednesdays, null),
                             new DaysRemovedFromBasketEvent(DOSSIER, DOSSIER + "-P3", FATIMA, LOUIS, "MERCREDI",
                                                            List.of(day("2026-09-16")),
                                                            DaysRemovedFromBasketEvent.NOT_ENROLLED, expiry()),
                             new BookingsCancelledByTownEvent(DOSSIER, List.of(new TownCancellation(LOUIS, "MERCREDI",
                                     wednesday, TownCancellationCause.ENROLMENT_ENDED,
                                     "Inscription au service retirée")), WEDNESDAY_PRICE, WEDNESDAY_PRICE));
    }

    @Test
    void anImportThatKeepsTheChildKeepsHisDays() {
        clock.setTo("2026-09-01T10:00:00");
        Object[] booked = louisBookedCanteen("2026-09-10");
        DossierDetails newQuotient = new DossierDetails("MARTIN", 812, InvoiceDeliveryMode.EMAIL,
                martinFamily().details().guardians(), martinFamily().details().children());

        fixture.given(booked)
               .when(new ImportDossierCommand(DOSSIER, newQuotient))
               .expectEvents(new DossierDetailsChangedEvent(DOSSIER, newQuotient, null));
    }

    @Test
    void aChildTheImportRemovedCannotBeBookedAnyMore() {
        clock.setTo("2026-09-01T10:00:00");

        fixture.given(martinFamily(), new DossierDetailsChangedEvent(DOSSIER, withChildren(jade()), null))
               .when(reserve(FATIMA, "RESTAURATION", "2026-09-10"))
               .expectException(refusedWith("CHILD_NOT_FOUND"));
    }

    // ----- helpers -----

    /** Louis's canteen days, booked and paid in one basket. */
    private Object[] louisBookedCanteen(String... days) {
        List<BasketDay> basketDays = Arrays.stream(days).map(day -> new BasketDay(day(day), CANTEEN_PRICE)).toList();
        long amount = CANTEEN_PRICE * days.length;
        return new Object[]{martinFamily(), opened(FATIMA), booking(FATIMA, "RESTAURATION", CANTEEN_PRICE, days),
                new BasketConfirmedEvent(DOSSIER, BASKET, FATIMA,
                        List.of(new BasketLine(LOUIS, "RESTAURATION", ChangeKind.BOOK, Billing.PREPAID, basketDays)),
                        new BasketTotals(amount, 0, 0, 0, amount, 0), "op-1", amount, 0)};
    }

    /** Louis's evening care on a day, invoiced at month end, confirmed in a second basket. */
    private BasketConfirmedEvent eveningBooked(String day) {
        return new BasketConfirmedEvent(DOSSIER, DOSSIER + "-P2", FATIMA,
                List.of(new BasketLine(LOUIS, "ACCUEIL_SOIR", ChangeKind.BOOK, Billing.MONTHLY_INVOICE,
                                       List.of(new BasketDay(day(day), 140)))),
                new BasketTotals(0, 0, 0, 0, 0, 140), null, 0, 0);
    }

    private static TownCancellation closedDay(String service, String day, long paid) {
        return new TownCancellation(LOUIS, service, List.of(new BasketDay(day(day), paid)),
                                    TownCancellationCause.SERVICE_CLOSED, "Fermeture : grève");
    }

    private static DossierDetails withChildren(Child... children) {
        DossierDetails martins = martinFamily().details();
        return new DossierDetails(martins.dossierName(), martins.familyQuotient(), martins.invoiceDeliveryMode(),
                                  martins.guardians(), List.of(children));
    }

    private static Child louis(List<String> enrolments) {
        Child louis = martinFamily().details().children().get(0);
        return new Child(louis.childId(), louis.firstName(), louis.lastName(), louis.birthDate(), louis.school(),
                         louis.schoolClass(), enrolments);
    }

    private static Child jade() {
        return martinFamily().details().children().get(1);
    }

    private AggregateTestFixture<Dossier> fixtureWith(PlanningSetup setup) {
        AggregateTestFixture<Dossier> created = new AggregateTestFixture<>(Dossier.class);
        created.registerInjectableResource(clock);
        created.registerInjectableResource(new PlanningRules(setup, (service, days) -> days.stream()
                .filter(staffClosures::containsKey)
                .collect(Collectors.toMap(day -> day, staffClosures::get)), Duration.ofMinutes(20)));
        return created;
    }

    private static PlanningSetup withCanteenRule(CutOffRule rule) {
        return new PlanningSetup(SAINT_JUST.services().stream()
                .map(service -> !service.code().equals("RESTAURATION") ? service
                        : new ServiceDefinition(service.code(), service.label(), service.weekdays(), service.prices(),
                                                service.billing(), service.capacityPerDay(), rule, rule))
                .toList(), SAINT_JUST.calendar());
    }

    private static PlanningSetup withoutHolidays() {
        SchoolCalendar calendar = new SchoolCalendar("Zone C", List.of(new SchoolYear("2026-2027",
                day("2026-09-01"), day("2027-07-02"))), List.of(), SAINT_JUST.calendar().publicHolidays());
        return new PlanningSetup(SAINT_JUST.services(), calendar);
    }

    /** A canteen day for 2.40 €, checked out on 1 September 2026 at 10:00. */
    private static Object[] awaitingPayment() {
        Instant expiresAt = Instant.parse("2026-09-01T08:20:00Z");
        return new Object[]{martinFamily(), new BasketOpenedEvent(DOSSIER, BASKET, FATIMA, expiresAt),
                new DaysAddedToBasketEvent(DOSSIER, BASKET, FATIMA, LOUIS, "RESTAURATION", ChangeKind.BOOK,
                                           Billing.PREPAID, List.of(new BasketDay(day("2026-09-08"), CANTEEN_PRICE)),
                                           false, expiresAt),
                new BasketCheckedOutEvent(DOSSIER, BASKET, FATIMA,
                                          new BasketTotals(CANTEEN_PRICE, 0, 0, 0, CANTEEN_PRICE, 0), expiresAt),
                new BasketPaymentStartedEvent(DOSSIER, BASKET, "op-1", CANTEEN_PRICE)};
    }

    private ReserveDayCommand reserve(String account, String service, String day) {
        return new ReserveDayCommand(DOSSIER, account, LOUIS, service, day(day));
    }

    private BasketOpenedEvent opened(String account) {
        return new BasketOpenedEvent(DOSSIER, BASKET, account, expiry());
    }

    private DaysAddedToBasketEvent booking(String account, String service, long price, String... days) {
        return new DaysAddedToBasketEvent(DOSSIER, BASKET, account, LOUIS, service, ChangeKind.BOOK, Billing.PREPAID,
                                          Arrays.stream(days).map(day -> new BasketDay(day(day), price)).toList(),
                                          false, expiry());
    }

    private static BasketConfirmedEvent confirmedCanteen(String account, String day) {
        return confirmedCanteen(account, null, day);
    }

    private static BasketConfirmedEvent confirmedCanteen(String account, String operationId, String day) {
        long paid = operationId == null ? 0 : CANTEEN_PRICE;
        BasketTotals totals = new BasketTotals(CANTEEN_PRICE, 0, 0, 0, CANTEEN_PRICE, 0);
        return new BasketConfirmedEvent(DOSSIER, BASKET, account, List.of(canteenLine(day)), totals, operationId,
                                        paid, 0);
    }

    private static BasketLine canteenLine(String day) {
        return new BasketLine(LOUIS, "RESTAURATION", ChangeKind.BOOK, Billing.PREPAID,
                              List.of(new BasketDay(day(day), CANTEEN_PRICE)));
    }

    private Instant expiry() {
        return clock.instant().plus(Duration.ofMinutes(20));
    }

    private static org.hamcrest.Matcher<CheckoutOutcome> checkout(CheckoutStatus status) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CheckoutOutcome outcome) {
                return outcome.status() == status;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a checkout ").appendValue(status);
            }
        };
    }

    private static <T> org.hamcrest.Matcher<T> captured(AtomicReference<T> into) {
        return new org.hamcrest.BaseMatcher<>() {
            @Override
            @SuppressWarnings("unchecked")
            public boolean matches(Object actual) {
                into.set((T) actual);
                return true;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("any answer");
            }
        };
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }
}
