package fr.espacefamille.command.planning;

import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.calendar.Billing;
import fr.espacefamille.events.calendar.ClosedReason;
import fr.espacefamille.events.calendar.ServiceDefinition;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDetailsChangedEvent;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.planning.BasketChangeReport;
import fr.espacefamille.events.planning.BasketCheckedOutEvent;
import fr.espacefamille.events.planning.BasketConfirmedEvent;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.BasketLine;
import fr.espacefamille.events.planning.BasketLineView;
import fr.espacefamille.events.planning.BasketOpenedEvent;
import fr.espacefamille.events.planning.BasketPaymentFailedEvent;
import fr.espacefamille.events.planning.BasketPaymentStartedEvent;
import fr.espacefamille.events.planning.BasketReleasedEvent;
import fr.espacefamille.events.planning.BasketStatus;
import fr.espacefamille.events.planning.BasketTotals;
import fr.espacefamille.events.planning.BasketView;
import fr.espacefamille.events.planning.BookingsCancelledByTownEvent;
import fr.espacefamille.events.planning.CancelClosedDayBookingsCommand;
import fr.espacefamille.events.planning.CancelReservationCommand;
import fr.espacefamille.events.planning.ChangeDaysCommand;
import fr.espacefamille.events.planning.ChangeKind;
import fr.espacefamille.events.planning.CheckOutBasketCommand;
import fr.espacefamille.events.planning.CheckoutOutcome;
import fr.espacefamille.events.planning.CheckoutStatus;
import fr.espacefamille.events.planning.DaysAddedToBasketEvent;
import fr.espacefamille.events.planning.DaysRemovedFromBasketEvent;
import fr.espacefamille.events.planning.DiscardBasketCommand;
import fr.espacefamille.events.planning.ExpireBasketCommand;
import fr.espacefamille.events.planning.LatePaymentCreditedEvent;
import fr.espacefamille.events.planning.PaymentStatus;
import fr.espacefamille.events.planning.PeriodAction;
import fr.espacefamille.events.planning.PlacesGrantedEvent;
import fr.espacefamille.events.planning.RecordPaymentResultCommand;
import fr.espacefamille.events.planning.RecordPlacesCommand;
import fr.espacefamille.events.planning.RemoveFromBasketCommand;
import fr.espacefamille.events.planning.ReserveDayCommand;
import fr.espacefamille.events.planning.ReservePeriodCommand;
import fr.espacefamille.events.planning.SkippedDay;
import fr.espacefamille.events.planning.StartBasketPaymentCommand;
import fr.espacefamille.events.planning.TownCancellation;
import fr.espacefamille.events.planning.TownCancellationCause;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The bookings of a family's children and the parents' baskets, inside the family's dossier.
 *
 * <p>The dossier is the consistency boundary of a family: both guardians' requests, the
 * children's bookings, the baskets and the family's credit are decided by one aggregate, whose
 * events carry unique sequence numbers. Two requests at once, from two guardians or on two
 * command-side nodes, cannot both book the same day: the second to append loses the race, is
 * retried on the fresh state and refused.
 *
 * <p>A day goes through a basket: put in it (pending, so that no one else can put it in
 * another), then booked or cancelled when the basket is confirmed (paid, or free), or freed
 * when it is released (not paid in time, emptied).
 *
 * <p>The town may also take days back: a day the staff closed, a child or an enrolment that an
 * import of the town's export removed. Those days leave the baskets and their bookings are
 * cancelled without a basket, paid ones credited ({@link BookingsCancelledByTownEvent}).
 */
public class FamilyPlanning {

    static final String PAYMENT_ALREADY_STARTED = "PAYMENT_ALREADY_STARTED";

    static final int MAX_PERIOD_DAYS = 366;

    private String dossierNumber;
    private Integer familyQuotient;
    private Map<String, Enrolment> children = new HashMap<>();
    /** Booked days by child and service ({@link #key}), with what was paid for each. */
    private Map<String, TreeMap<LocalDate, Long>> booked = new HashMap<>();
    /** Live baskets (open or awaiting payment) by id. */
    private Map<String, Basket> baskets = new HashMap<>();
    /** Which basket holds each pending day ({@link #dayKey}). */
    private Map<String, String> pending = new HashMap<>();
    /** How baskets that are no longer live ended. */
    private Map<String, BasketStatus> endedBaskets = new HashMap<>();
    private Set<String> settledOperations = new HashSet<>();
    private long creditCents;
    private long reservedCreditCents;
    private int basketsOpened;

    public FamilyPlanning() {
    }

    // ----- Commands: changing days -----

    @CommandHandler
    BasketChangeReport handle(ReserveDayCommand command, PlanningRules rules, Clock clock) {
        return change(new Change(command.account(), command.childId(), command.service(),
                                 List.of(command.day()), List.of(), true), rules, clock);
    }

    @CommandHandler
    BasketChangeReport handle(CancelReservationCommand command, PlanningRules rules, Clock clock) {
        return change(new Change(command.account(), command.childId(), command.service(),
                                 List.of(), List.of(command.day()), true), rules, clock);
    }

    @CommandHandler
    BasketChangeReport handle(ChangeDaysCommand command, PlanningRules rules, Clock clock) {
        return change(new Change(command.account(), command.childId(), command.service(),
                                 command.book(), command.cancel(), false), rules, clock);
    }

    @CommandHandler
    BasketChangeReport handle(ReservePeriodCommand command, PlanningRules rules, Clock clock) {
        refuseIfInvalidPeriod(command);

        List<LocalDate> days = command.from().datesUntil(command.to().plusDays(1))
                .filter(day -> command.weekdays().contains(day.getDayOfWeek()))
                .toList();
        if (command.action() == PeriodAction.BOOK) {
            return change(new Change(command.account(), command.childId(), command.service(),
                                     days, List.of(), false), rules, clock);
        }
        Set<LocalDate> bookedDays = bookedDays(command.childId(), command.service()).keySet();
        return change(new Change(command.account(), command.childId(), command.service(),
                                 List.of(), days.stream().filter(bookedDays::contains).toList(), false), rules, clock);
    }

    @CommandHandler
    BasketView handle(RemoveFromBasketCommand command, PlanningRules rules, Clock clock) {
        Basket basket = changeableBasketOf(command.account());
        PendingLine line = basket == null ? null
                : basket.lines.get(dayKey(command.childId(), command.service(), command.day()));
        if (line == null) {
            throw RefusedException.notFound("NOT_IN_BASKET", "Ce jour n'est pas dans votre panier.");
        }

        apply(new DaysRemovedFromBasketEvent(dossierNumber, basket.basketId, basket.account, line.childId(),
                                             line.service(), List.of(line.day()), null,
                                             extendedExpiry(rules, clock)));
        return view(basket, rules);
    }

    @CommandHandler
    BasketView handle(DiscardBasketCommand command) {
        Basket basket = changeableBasketOf(command.account());
        if (basket == null) {
            return BasketView.empty(dossierNumber, command.account(), availableCredit());
        }

        apply(new BasketReleasedEvent(dossierNumber, basket.basketId, basket.account, linesOf(basket),
                                      BasketReleasedEvent.DISCARDED));
        return BasketView.empty(dossierNumber, command.account(), availableCredit());
    }

    @CommandHandler
    BasketView handle(RecordPlacesCommand command, PlanningRules rules) {
        Basket basket = baskets.get(command.basketId());
        if (basket == null) {
            return BasketView.empty(dossierNumber, null, availableCredit());
        }
        List<LocalDate> granted = awaitingAmong(basket, command.childId(), command.service(), command.granted());
        List<LocalDate> full = awaitingAmong(basket, command.childId(), command.service(), command.full());

        if (!granted.isEmpty()) {
            apply(new PlacesGrantedEvent(dossierNumber, basket.basketId, basket.account, command.childId(),
                                         command.service(), granted));
        }
        if (!full.isEmpty()) {
            apply(new DaysRemovedFromBasketEvent(dossierNumber, basket.basketId, basket.account, command.childId(),
                                                 command.service(), full, "CAPACITY_FULL", basket.expiresAt));
        }
        return view(basket, rules);
    }

    // ----- Commands: paying -----

    @CommandHandler
    CheckoutOutcome handle(CheckOutBasketCommand command, PlanningRules rules, Clock clock) {
        Basket basket = basketOf(command.account());
        if (basket == null || basket.lines.isEmpty()) {
            throw RefusedException.invalid("BASKET_EMPTY", "Votre panier est vide.");
        }
        if (basket.status == BasketStatus.AWAITING_PAYMENT) {
            return new CheckoutOutcome(CheckoutStatus.PAYMENT_REQUIRED, view(basket, rules),
                                       livePayment(basket).orElse(null), null, List.of());
        }
        refuseIfPastCutOff(basket, rules, clock.instant());
        refuseIfNoLongerOpen(basket, rules);
        List<BasketLineView> awaitingPlaces = view(basket, rules).lines().stream()
                .filter(BasketLineView::awaitingPlace).toList();
        if (!awaitingPlaces.isEmpty()) {
            return new CheckoutOutcome(CheckoutStatus.AWAITING_PLACES, view(basket, rules), null, null, awaitingPlaces);
        }

        BasketTotals totals = totalsOf(basket);
        if (totals.amountDueCents() == 0) {
            confirm(basket, totals, null, 0);
            return new CheckoutOutcome(CheckoutStatus.CONFIRMED, confirmedView(basket, totals), null, null, List.of());
        }
        apply(new BasketCheckedOutEvent(dossierNumber, basket.basketId, basket.account, totals,
                                        clock.instant().plus(rules.basketTimeout()).truncatedTo(ChronoUnit.MILLIS)));
        return new CheckoutOutcome(CheckoutStatus.PAYMENT_REQUIRED, view(basket, rules), null, null, List.of());
    }

    @CommandHandler
    void handle(StartBasketPaymentCommand command) {
        Basket basket = baskets.get(command.basketId());
        if (basket == null || basket.status != BasketStatus.AWAITING_PAYMENT) {
            throw RefusedException.conflict("BASKET_NOT_AWAITING_PAYMENT",
                    "Ce panier n'attend pas de paiement : il a été payé, vidé ou a expiré.");
        }
        Optional<String> live = livePayment(basket);
        if (live.filter(command.operationId()::equals).isPresent()) {
            return;
        }
        if (live.isPresent()) {
            throw RefusedException.conflict(PAYMENT_ALREADY_STARTED,
                    "Un paiement est déjà en cours pour ce panier : terminez-le ou attendez son résultat.");
        }

        apply(new BasketPaymentStartedEvent(dossierNumber, basket.basketId, command.operationId(),
                                            command.amountCents()));
    }

    /**
     * The payment a basket awaiting payment is waiting for: the one operation started for it
     * and not yet ended. A basket has one at a time, so that a second "Payer" (another tab, the
     * back button, a double click) resumes it instead of opening a second one.
     */
    private Optional<String> livePayment(Basket basket) {
        return basket.operations.stream().filter(operation -> !settledOperations.contains(operation)).findFirst();
    }

    @CommandHandler
    BasketStatus handle(RecordPaymentResultCommand command) {
        if (settledOperations.contains(command.operationId())) {
            return statusOf(command.basketId());
        }
        Basket basket = baskets.get(command.basketId());
        boolean awaitingThisPayment = basket != null && basket.status == BasketStatus.AWAITING_PAYMENT
                && basket.operations.contains(command.operationId());

        if (command.status() == PaymentStatus.PAID && awaitingThisPayment) {
            confirm(basket, basket.checkout, command.operationId(), command.amountCents());
        } else if (command.status() == PaymentStatus.PAID) {
            apply(new LatePaymentCreditedEvent(dossierNumber, command.basketId(), command.operationId(),
                                               command.amountCents(), creditCents + command.amountCents()));
        } else if (isFailure(command.status()) && awaitingThisPayment) {
            apply(new BasketPaymentFailedEvent(dossierNumber, basket.basketId, basket.account,
                                               command.operationId(), command.status(), basket.expiresAt));
        }
        return statusOf(command.basketId());
    }

    @CommandHandler
    boolean handle(ExpireBasketCommand command, Clock clock) {
        Basket basket = baskets.get(command.basketId());
        if (basket == null || clock.instant().isBefore(basket.expiresAt)) {
            return false;
        }

        apply(new BasketReleasedEvent(dossierNumber, basket.basketId, basket.account, linesOf(basket),
                                      BasketReleasedEvent.EXPIRED));
        return true;
    }

    // ----- Commands: what the town takes back -----

    @CommandHandler
    boolean handle(CancelClosedDayBookingsCommand command, PlanningRules rules) {
        LocalDate day = command.day();
        Map<String, String> closed = staffClosures(command.services(), day, rules);

        dropFromBaskets(line -> line.day().equals(day) && closed.containsKey(line.service()),
                        DaysRemovedFromBasketEvent.DAY_CLOSED);
        List<TownCancellation> cancellations = new ArrayList<>();
        booked.forEach((key, days) -> {
            String reason = closed.get(serviceOf(key));
            if (reason != null && days.containsKey(day)) {
                cancellations.add(new TownCancellation(childIdOf(key), serviceOf(key),
                                                       List.of(new BasketDay(day, days.get(day))),
                                                       TownCancellationCause.SERVICE_CLOSED, reason));
            }
        });
        cancelForTown(cancellations);
        return closed.keySet().containsAll(command.services());
    }

    /** The reason of each of these services the staff closed that day, as this node's calendar knows it. */
    private static Map<String, String> staffClosures(List<String> services, LocalDate day, PlanningRules rules) {
        Map<String, String> closed = new TreeMap<>();
        for (String service : services) {
            ClosedReason closure = rules.staffClosure(service, day);
            if (closure != null) {
                closed.put(service, closure.label());
            }
        }
        return closed;
    }

    /**
     * After an import: the days of a child the export no longer lists, or of a service it no
     * longer enrols the child in, leave the baskets, and those booked are cancelled from the
     * first one not yet frozen by its cut-off; past and frozen days stay, to be invoiced.
     */
    public void cancelWhatTheImportRemoved(PlanningRules rules, Clock clock) {
        Instant now = clock.instant();

        dropFromBaskets(line -> !isEnrolled(line.childId(), line.service()), DaysRemovedFromBasketEvent.NOT_ENROLLED);
        List<TownCancellation> cancellations = new ArrayList<>();
        booked.forEach((key, days) -> {
            String childId = childIdOf(key);
            ServiceDefinition service = rules.setup().service(serviceOf(key)).orElse(null);
            if (service == null || isEnrolled(childId, service.code())) {
                return;
            }
            List<BasketDay> notFrozen = days.entrySet().stream()
                    .filter(booking -> now.isBefore(rules.cutOff(service, ChangeKind.CANCEL, booking.getKey())))
                    .map(booking -> new BasketDay(booking.getKey(), booking.getValue()))
                    .toList();
            if (!notFrozen.isEmpty()) {
                cancellations.add(children.containsKey(childId)
                        ? new TownCancellation(childId, service.code(), notFrozen,
                                               TownCancellationCause.ENROLMENT_ENDED, "Inscription au service retirée")
                        : new TownCancellation(childId, service.code(), notFrozen,
                                               TownCancellationCause.CHILD_LEFT_DOSSIER, "Enfant retiré du dossier"));
            }
        });
        cancelForTown(cancellations);
    }

    /**
     * Takes the lines out of the live baskets: a basket still open loses them; a basket awaiting
     * its payment is released whole, its amount being fixed, and a payment made anyway is
     * credited when it arrives.
     */
    private void dropFromBaskets(Predicate<PendingLine> taken, String reason) {
        List<Basket> live = baskets.values().stream().sorted(Comparator.comparing(basket -> basket.basketId)).toList();
        for (Basket basket : live) {
            Map<String, List<PendingLine>> lines = basket.lines.values().stream().filter(taken)
                    .sorted(Comparator.comparing(PendingLine::childId).thenComparing(PendingLine::service)
                                      .thenComparing(PendingLine::day))
                    .collect(Collectors.groupingBy(line -> key(line.childId(), line.service()), LinkedHashMap::new,
                                                   Collectors.toList()));
            if (!lines.isEmpty() && basket.status == BasketStatus.AWAITING_PAYMENT) {
                apply(new BasketReleasedEvent(dossierNumber, basket.basketId, basket.account, linesOf(basket),
                                              BasketReleasedEvent.CHANGED_BY_TOWN));
                continue;
            }
            lines.values().forEach(group -> apply(new DaysRemovedFromBasketEvent(
                    dossierNumber, basket.basketId, basket.account, group.get(0).childId(), group.get(0).service(),
                    group.stream().map(PendingLine::day).toList(), reason, basket.expiresAt)));
        }
    }

    private void cancelForTown(List<TownCancellation> cancellations) {
        if (cancellations.isEmpty()) {
            return;
        }

        List<TownCancellation> sorted = cancellations.stream()
                .sorted(Comparator.comparing(TownCancellation::childId).thenComparing(TownCancellation::service))
                .toList();
        long credit = sorted.stream().mapToLong(TownCancellation::amountCents).sum();
        apply(new BookingsCancelledByTownEvent(dossierNumber, sorted, credit, creditCents + credit));
    }

    private boolean isEnrolled(String childId, String service) {
        Enrolment child = children.get(childId);
        return child != null && child.services().contains(service);
    }

    // ----- Deciding a change -----

    /** One request to book and cancel days of a child at a service; strict when a single day is asked. */
    private record Change(
            String account,
            String childId,
            String service,
            List<LocalDate> book,
            List<LocalDate> cancel,
            boolean strict
    ) {
    }

    private BasketChangeReport change(Change request, PlanningRules rules, Clock clock) {
        Enrolment child = childOf(request.childId());
        ServiceDefinition service = rules.service(request.service());
        refuseIfNotEnrolled(child, service);
        refuseIfAwaitingPayment(basketOf(request.account()));

        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PlanningRules.TOWN_ZONE);
        List<SkippedDay> skipped = new ArrayList<>();
        List<BasketDay> toBook = new ArrayList<>();
        List<BasketDay> toCancel = new ArrayList<>();
        Collection<LocalDate> bookDays = new TreeSet<>(request.book());
        Map<LocalDate, ClosedReason> closed = rules.closedDays(service, bookDays);
        for (LocalDate day : bookDays) {
            SkippedDay refusal = bookingRefusal(request, service, day, today, now, closed.get(day), rules);
            if (refusal == null) {
                toBook.add(new BasketDay(day, service.priceFor(familyQuotient)));
            } else {
                skipped.add(refusal);
            }
        }
        for (LocalDate day : new TreeSet<>(request.cancel())) {
            SkippedDay refusal = cancellingRefusal(request, service, day, today, now, rules);
            if (refusal == null) {
                toCancel.add(new BasketDay(day, paidFor(request.childId(), service, day)));
            } else {
                skipped.add(refusal);
            }
        }
        if (request.strict() && !skipped.isEmpty()) {
            throw refusalOf(skipped.get(0));
        }
        skipped.sort(Comparator.comparing(SkippedDay::day));
        if (toBook.isEmpty() && toCancel.isEmpty()) {
            return report(request, toBook, toCancel, skipped, basketOf(request.account()), rules);
        }

        Instant expiresAt = now.plus(rules.basketTimeout()).truncatedTo(ChronoUnit.MILLIS);
        if (basketOf(request.account()) == null) {
            apply(new BasketOpenedEvent(dossierNumber, nextBasketId(), request.account(), expiresAt));
        }
        Basket basket = basketOf(request.account());
        if (!toBook.isEmpty()) {
            apply(new DaysAddedToBasketEvent(dossierNumber, basket.basketId, basket.account, request.childId(),
                                             service.code(), ChangeKind.BOOK, service.billing(), toBook,
                                             service.hasCapacity(), expiresAt));
        }
        if (!toCancel.isEmpty()) {
            apply(new DaysAddedToBasketEvent(dossierNumber, basket.basketId, basket.account, request.childId(),
                                             service.code(), ChangeKind.CANCEL, service.billing(), toCancel,
                                             false, expiresAt));
        }
        return report(request, toBook, toCancel, skipped, basket, rules);
    }

    private SkippedDay bookingRefusal(Change request, ServiceDefinition service, LocalDate day, LocalDate today,
                                      Instant now, ClosedReason closed, PlanningRules rules) {
        if (day.isBefore(today)) {
            return new SkippedDay(day, "PAST_DAY", "ce jour est passé");
        }
        if (closed != null) {
            return new SkippedDay(day, "DAY_NOT_OPEN", closed.label());
        }
        Instant cutOff = rules.cutOff(service, ChangeKind.BOOK, day);
        if (!now.isBefore(cutOff)) {
            return new SkippedDay(day, "PAST_CUT_OFF", "l'heure limite de réservation (" + FrenchText.moment(cutOff)
                    + ") est passée");
        }
        if (bookedDays(request.childId(), service.code()).containsKey(day)) {
            return new SkippedDay(day, "ALREADY_BOOKED", "ce jour est déjà réservé");
        }
        return pendingRefusal(request, service, day);
    }

    private SkippedDay cancellingRefusal(Change request, ServiceDefinition service, LocalDate day, LocalDate today,
                                         Instant now, PlanningRules rules) {
        if (day.isBefore(today)) {
            return new SkippedDay(day, "PAST_DAY", "ce jour est passé");
        }
        if (!bookedDays(request.childId(), service.code()).containsKey(day)) {
            return new SkippedDay(day, "NOT_BOOKED", "ce jour n'est pas réservé");
        }
        Instant cutOff = rules.cutOff(service, ChangeKind.CANCEL, day);
        if (!now.isBefore(cutOff)) {
            return new SkippedDay(day, "PAST_CUT_OFF", "l'heure limite d'annulation (" + FrenchText.moment(cutOff)
                    + ") est passée");
        }
        return pendingRefusal(request, service, day);
    }

    private SkippedDay pendingRefusal(Change request, ServiceDefinition service, LocalDate day) {
        String holder = pending.get(dayKey(request.childId(), service.code(), day));
        if (holder == null) {
            return null;
        }
        boolean mine = request.account().equals(baskets.get(holder).account);
        return new SkippedDay(day, "ALREADY_IN_BASKET", mine ? "ce jour est déjà dans votre panier"
                : "ce jour est dans le panier d'un autre responsable du dossier");
    }

    private static RefusedException refusalOf(SkippedDay skipped) {
        String message = "Le " + FrenchText.day(skipped.day()) + " ne peut pas changer : " + skipped.reason() + ".";
        return switch (skipped.code()) {
            case "PAST_DAY", "DAY_NOT_OPEN" -> RefusedException.invalid(skipped.code(), message);
            default -> RefusedException.conflict(skipped.code(), message);
        };
    }

    private void refuseIfPastCutOff(Basket basket, PlanningRules rules, Instant now) {
        List<PendingLine> frozen = basket.lines.values().stream()
                .filter(line -> !now.isBefore(rules.cutOff(rules.service(line.service()), line.kind(), line.day())))
                .sorted(Comparator.comparing(PendingLine::day))
                .toList();
        if (frozen.isEmpty()) {
            return;
        }
        String days = frozen.stream().limit(5).map(line -> FrenchText.day(line.day()))
                            .collect(Collectors.joining(", "));
        String more = frozen.size() > 5 ? " et " + (frozen.size() - 5) + " autre(s)" : "";
        throw RefusedException.conflict("PAST_CUT_OFF", "L'heure limite est passée pour " + days + more
                + " : retirez ces jours du panier avant de payer.");
    }

    /** A day in the basket may have closed since it was put there: the staff closed the service that day. */
    private static void refuseIfNoLongerOpen(Basket basket, PlanningRules rules) {
        Map<String, List<LocalDate>> bookingsByService = basket.lines.values().stream()
                .filter(line -> line.kind() == ChangeKind.BOOK)
                .collect(Collectors.groupingBy(PendingLine::service, TreeMap::new,
                                               Collectors.mapping(PendingLine::day, Collectors.toList())));
        Map<LocalDate, ClosedReason> closed = new TreeMap<>();
        bookingsByService.forEach((service, days) -> closed.putAll(rules.closedDays(rules.service(service), days)));
        if (closed.isEmpty()) {
            return;
        }

        String days = closed.entrySet().stream().limit(5)
                .map(entry -> FrenchText.day(entry.getKey()) + " (" + entry.getValue().label() + ")")
                .collect(Collectors.joining(", "));
        String more = closed.size() > 5 ? " et " + (closed.size() - 5) + " autre(s)" : "";
        throw RefusedException.conflict("DAY_NOT_OPEN", "Le service n'ouvre plus le " + days + more
                + " : retirez " + (closed.size() > 1 ? "ces jours" : "ce jour") + " du panier avant de payer.");
    }

    private static void refuseIfInvalidPeriod(ReservePeriodCommand command) {
        if (command.from() == null || command.to() == null || command.to().isBefore(command.from())
                || command.from().plusDays(MAX_PERIOD_DAYS).isBefore(command.to())) {
            throw RefusedException.invalid("INVALID_PERIOD", "La période doit aller d'une date à une date"
                    + " postérieure, sur un an au plus.");
        }
        if (command.weekdays().isEmpty()) {
            throw RefusedException.invalid("INVALID_PERIOD", "Choisissez au moins un jour de la semaine.");
        }
    }

    private static void refuseIfNotEnrolled(Enrolment child, ServiceDefinition service) {
        if (!child.services().contains(service.code())) {
            throw RefusedException.invalid("NOT_ENROLLED", "Cet enfant n'est pas inscrit au service « "
                    + service.label() + " ».");
        }
    }

    private static void refuseIfAwaitingPayment(Basket basket) {
        if (basket != null && basket.status == BasketStatus.AWAITING_PAYMENT) {
            throw RefusedException.conflict("BASKET_AWAITING_PAYMENT",
                    "Un paiement est en cours pour votre panier : terminez-le ou attendez son expiration.");
        }
    }

    private Enrolment childOf(String childId) {
        Enrolment child = children.get(childId);
        if (child == null) {
            throw RefusedException.notFound("CHILD_NOT_FOUND", "Cet enfant ne fait pas partie de ce dossier.");
        }
        return child;
    }

    // ----- Confirming -----

    private void confirm(Basket basket, BasketTotals totals, String operationId, long amountPaidCents) {
        long balance = creditCents - totals.creditUsedCents() + totals.creditAddedCents();
        apply(new BasketConfirmedEvent(dossierNumber, basket.basketId, basket.account, linesOf(basket), totals,
                                       operationId, amountPaidCents, balance));
    }

    private BasketTotals totalsOf(Basket basket) {
        long bookings = 0;
        long refunds = 0;
        long invoicedLater = 0;
        for (PendingLine line : basket.lines.values()) {
            boolean prepaid = line.billing() == Billing.PREPAID;
            if (line.kind() == ChangeKind.BOOK && prepaid) {
                bookings += line.amountCents();
            } else if (line.kind() == ChangeKind.BOOK) {
                invoicedLater += line.amountCents();
            } else {
                refunds += line.amountCents();
            }
        }
        long net = bookings - refunds;
        long creditUsed = net > 0 ? Math.min(Math.max(0, availableCredit()), net) : 0;
        long creditAdded = net < 0 ? -net : 0;
        return new BasketTotals(bookings, refunds, creditUsed, creditAdded, Math.max(0, net - creditUsed),
                                invoicedLater);
    }

    private static boolean isFailure(PaymentStatus status) {
        return status == PaymentStatus.REFUSED || status == PaymentStatus.ABANDONED;
    }

    // ----- Events -----

    @EventSourcingHandler
    void on(DossierRegisteredEvent event) {
        dossierNumber = event.dossierNumber();
        learn(event.details());
    }

    @EventSourcingHandler
    void on(DossierDetailsChangedEvent event) {
        learn(event.details());
    }

    private void learn(DossierDetails details) {
        familyQuotient = details.familyQuotient();
        children = new HashMap<>();
        for (Child child : details.children()) {
            children.put(child.childId(), new Enrolment(child.childId(), Set.copyOf(child.enrolments())));
        }
    }

    @EventSourcingHandler
    void on(BasketOpenedEvent event) {
        baskets.put(event.basketId(), new Basket(event.basketId(), event.account(), event.expiresAt()));
        basketsOpened++;
    }

    @EventSourcingHandler
    void on(DaysAddedToBasketEvent event) {
        Basket basket = baskets.get(event.basketId());
        for (BasketDay day : event.days()) {
            String key = dayKey(event.childId(), event.service(), day.day());
            basket.lines.put(key, new PendingLine(event.childId(), event.service(), day.day(), event.kind(),
                                                  event.billing(), day.amountCents(), event.awaitingPlace()));
            pending.put(key, event.basketId());
        }
        basket.expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(DaysRemovedFromBasketEvent event) {
        Basket basket = baskets.get(event.basketId());
        for (LocalDate day : event.days()) {
            String key = dayKey(event.childId(), event.service(), day);
            basket.lines.remove(key);
            pending.remove(key);
        }
        basket.expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(PlacesGrantedEvent event) {
        Basket basket = baskets.get(event.basketId());
        for (LocalDate day : event.days()) {
            basket.lines.computeIfPresent(dayKey(event.childId(), event.service(), day),
                                          (key, line) -> line.withPlace());
        }
    }

    @EventSourcingHandler
    void on(BasketCheckedOutEvent event) {
        Basket basket = baskets.get(event.basketId());
        basket.status = BasketStatus.AWAITING_PAYMENT;
        basket.checkout = event.totals();
        basket.expiresAt = event.expiresAt();
        reservedCreditCents += event.totals().creditUsedCents();
    }

    @EventSourcingHandler
    void on(BasketPaymentStartedEvent event) {
        baskets.get(event.basketId()).operations.add(event.operationId());
    }

    @EventSourcingHandler
    void on(BasketPaymentFailedEvent event) {
        Basket basket = baskets.get(event.basketId());
        reservedCreditCents -= basket.checkout.creditUsedCents();
        basket.status = BasketStatus.OPEN;
        basket.checkout = null;
        settledOperations.add(event.operationId());
    }

    @EventSourcingHandler
    void on(BasketConfirmedEvent event) {
        for (BasketLine line : event.lines()) {
            TreeMap<LocalDate, Long> days = booked.computeIfAbsent(key(line.childId(), line.service()),
                                                                   key -> new TreeMap<>());
            for (BasketDay day : line.days()) {
                if (line.kind() == ChangeKind.BOOK) {
                    days.put(day.day(), line.billing() == Billing.PREPAID ? day.amountCents() : 0L);
                } else {
                    days.remove(day.day());
                }
            }
        }
        end(event.basketId(), BasketStatus.CONFIRMED);
        creditCents = event.creditBalanceCents();
        if (event.operationId() != null) {
            settledOperations.add(event.operationId());
        }
    }

    @EventSourcingHandler
    void on(BasketReleasedEvent event) {
        end(event.basketId(), BasketStatus.RELEASED);
    }

    @EventSourcingHandler
    void on(LatePaymentCreditedEvent event) {
        creditCents = event.creditBalanceCents();
        settledOperations.add(event.operationId());
    }

    @EventSourcingHandler
    void on(BookingsCancelledByTownEvent event) {
        for (TownCancellation cancellation : event.cancellations()) {
            TreeMap<LocalDate, Long> days = booked.get(key(cancellation.childId(), cancellation.service()));
            if (days != null) {
                cancellation.days().forEach(day -> days.remove(day.day()));
            }
        }
        creditCents = event.creditBalanceCents();
    }

    private void end(String basketId, BasketStatus status) {
        Basket basket = baskets.remove(basketId);
        if (basket == null) {
            return;
        }
        basket.lines.keySet().forEach(pending::remove);
        if (basket.status == BasketStatus.AWAITING_PAYMENT) {
            reservedCreditCents -= basket.checkout.creditUsedCents();
        }
        endedBaskets.put(basketId, status);
    }

    // ----- Views -----

    private BasketChangeReport report(Change request, List<BasketDay> toBook, List<BasketDay> toCancel,
                                      List<SkippedDay> skipped, Basket basket, PlanningRules rules) {
        List<LocalDate> booking = toBook.stream().map(BasketDay::day).toList();
        List<LocalDate> awaiting = basket == null ? List.of()
                : awaitingAmong(basket, request.childId(), request.service(), booking);
        BasketView view = basket == null ? BasketView.empty(dossierNumber, request.account(), availableCredit())
                : view(basket, rules);
        return new BasketChangeReport(request.childId(), request.service(), booking,
                                      toCancel.stream().map(BasketDay::day).toList(), awaiting, skipped, view);
    }

    private BasketView view(Basket basket, PlanningRules rules) {
        List<BasketLineView> lines = basket.lines.values().stream()
                .sorted(Comparator.comparing(PendingLine::childId).thenComparing(PendingLine::service)
                                  .thenComparing(PendingLine::day))
                .map(line -> new BasketLineView(line.childId(), line.service(), line.day(), line.kind(),
                                                line.billing(), line.amountCents(),
                                                rules.cutOff(rules.service(line.service()), line.kind(), line.day()),
                                                line.awaitingPlace()))
                .toList();
        BasketTotals totals = basket.status == BasketStatus.AWAITING_PAYMENT ? basket.checkout : totalsOf(basket);
        return new BasketView(dossierNumber, basket.account, basket.basketId, basket.status, basket.expiresAt,
                              lines, totals, creditCents);
    }

    private BasketView confirmedView(Basket basket, BasketTotals totals) {
        return new BasketView(dossierNumber, basket.account, basket.basketId, BasketStatus.CONFIRMED, null,
                              List.of(), totals, creditCents);
    }

    private static List<BasketLine> linesOf(Basket basket) {
        Map<String, List<PendingLine>> groups = new LinkedHashMap<>();
        basket.lines.values().stream()
                .sorted(Comparator.comparing(PendingLine::childId).thenComparing(PendingLine::service)
                                  .thenComparing(PendingLine::kind).thenComparing(PendingLine::day))
                .forEach(line -> groups.computeIfAbsent(line.childId() + "|" + line.service() + "|" + line.kind(),
                                                        group -> new ArrayList<>()).add(line));
        return groups.values().stream()
                .map(group -> new BasketLine(group.get(0).childId(), group.get(0).service(), group.get(0).kind(),
                                             group.get(0).billing(),
                                             group.stream().map(line -> new BasketDay(line.day(), line.amountCents()))
                                                  .toList()))
                .toList();
    }

    private static List<LocalDate> awaitingAmong(Basket basket, String childId, String service,
                                                 Collection<LocalDate> days) {
        return days.stream()
                .filter(day -> {
                    PendingLine line = basket.lines.get(dayKey(childId, service, day));
                    return line != null && line.awaitingPlace();
                })
                .sorted()
                .toList();
    }

    private BasketStatus statusOf(String basketId) {
        Basket basket = baskets.get(basketId);
        return basket != null ? basket.status : endedBaskets.getOrDefault(basketId, BasketStatus.RELEASED);
    }

    private Basket basketOf(String account) {
        return baskets.values().stream().filter(basket -> basket.account.equals(account)).findFirst().orElse(null);
    }

    private Basket changeableBasketOf(String account) {
        Basket basket = basketOf(account);
        refuseIfAwaitingPayment(basket);
        return basket;
    }

    private Instant extendedExpiry(PlanningRules rules, Clock clock) {
        return clock.instant().plus(rules.basketTimeout()).truncatedTo(ChronoUnit.MILLIS);
    }

    private Map<LocalDate, Long> bookedDays(String childId, String service) {
        return booked.getOrDefault(key(childId, service), new TreeMap<>());
    }

    private long paidFor(String childId, ServiceDefinition service, LocalDate day) {
        return bookedDays(childId, service.code()).getOrDefault(day, 0L);
    }

    private long availableCredit() {
        return creditCents - reservedCreditCents;
    }

    private String nextBasketId() {
        return dossierNumber + "-P" + (basketsOpened + 1);
    }

    private static String key(String childId, String service) {
        return childId + "|" + service;
    }

    private static String childIdOf(String key) {
        return key.substring(0, key.lastIndexOf('|'));
    }

    private static String serviceOf(String key) {
        return key.substring(key.lastIndexOf('|') + 1);
    }

    private static String dayKey(String childId, String service, LocalDate day) {
        return childId + "|" + service + "|" + day;
    }

    /** A child of the family and the services he or she is enrolled in. */
    record Enrolment(String childId, Set<String> services) {
    }

    /** One pending day of a basket. */
    record PendingLine(
            String childId,
            String service,
            LocalDate day,
            ChangeKind kind,
            Billing billing,
            long amountCents,
            boolean awaitingPlace
    ) {

        PendingLine withPlace() {
            return new PendingLine(childId, service, day, kind, billing, amountCents, false);
        }
    }

    /** A live basket of one parent. */
    static final class Basket {

        private String basketId;
        private String account;
        private BasketStatus status = BasketStatus.OPEN;
        private Instant expiresAt;
        private LinkedHashMap<String, PendingLine> lines = new LinkedHashMap<>();
        private BasketTotals checkout;
        private Set<String> operations = new HashSet<>();

        Basket() {
        }

        Basket(String basketId, String account, Instant expiresAt) {
            this.basketId = basketId;
            this.account = account;
            this.expiresAt = expiresAt;
        }

        /** By value, so that the aggregate's state compares equal when sourced again. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Basket that
                    && Objects.equals(basketId, that.basketId) && Objects.equals(account, that.account)
                    && status == that.status && Objects.equals(expiresAt, that.expiresAt)
                    && Objects.equals(lines, that.lines) && Objects.equals(checkout, that.checkout)
                    && Objects.equals(operations, that.operations);
        }

        @Override
        public int hashCode() {
            return Objects.hash(basketId, account, status, expiresAt);
        }
    }
}
