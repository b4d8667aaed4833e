package fr.espacefamille.query.planning;

import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.calendar.Billing;
import fr.espacefamille.events.calendar.ClosedReason;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.calendar.ServiceDefinition;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.planning.BasketLineView;
import fr.espacefamille.events.planning.BasketStatus;
import fr.espacefamille.events.planning.BasketTotals;
import fr.espacefamille.events.planning.BasketView;
import fr.espacefamille.events.planning.ChangeKind;
import fr.espacefamille.events.planning.DailyHeadcounts;
import fr.espacefamille.events.planning.FamilyPlanningView;
import fr.espacefamille.events.planning.FindBasketQuery;
import fr.espacefamille.events.planning.FindDailyHeadcountsQuery;
import fr.espacefamille.events.planning.FindFamilyPlanningQuery;
import fr.espacefamille.events.planning.FindMonthCalendarQuery;
import fr.espacefamille.events.planning.MonthCalendar;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers the planning pages. The read models hold what happened (bookings, baskets); whether a
 * day opens and whether it is frozen depend on the published setup and on the time of asking,
 * so they are worked out here, with the same rules the command side checks.
 */
@Component
class PlanningQueries {

    private static final ZoneId TOWN_ZONE = ZoneId.of("Europe/Paris");
    private static final int NEXT_CUT_OFF_HORIZON_DAYS = 120;

    private final PlanningSetupProjection setups;
    private final FamilyDirectory directory;
    private final CalendarProjection calendars;
    private final BasketProjection baskets;
    private final CreditProjection credits;
    private final Headcounts headcounts;
    private final Clock clock;

    PlanningQueries(PlanningSetupProjection setups, FamilyDirectory directory, CalendarProjection calendars,
                    BasketProjection baskets, CreditProjection credits, Headcounts headcounts, Clock clock) {
        this.setups = setups;
        this.directory = directory;
        this.calendars = calendars;
        this.baskets = baskets;
        this.credits = credits;
        this.headcounts = headcounts;
        this.clock = clock;
    }

    @QueryHandler
    FamilyPlanningView handle(FindFamilyPlanningQuery query) {
        PlanningSetup setup = setups.setup();
        FamilyDirectory.Family family = directory.family(query.dossierNumber());
        List<FamilyPlanningView.ChildPlanningView> children = family.children().stream()
                .map(child -> new FamilyPlanningView.ChildPlanningView(
                        child.childId(), child.firstName(), child.lastName(), child.school(), child.schoolClass(),
                        child.enrolments().stream().flatMap(code -> setup.service(code).stream())
                             .map(service -> new FamilyPlanningView.ServiceSummary(
                                     service.code(), service.label(), service.billing().name(),
                                     service.priceFor(family.familyQuotient())))
                             .toList()))
                .toList();
        return new FamilyPlanningView(family.dossierNumber(), family.dossierName(), children,
                                      credits.balance(query.dossierNumber()));
    }

    @QueryHandler
    MonthCalendar handle(FindMonthCalendarQuery query) {
        PlanningSetup setup = setups.setup();
        Child child = childOf(directory.family(query.dossierNumber()), query.childId());
        ServiceDefinition service = setup.knownService(query.service());
        if (!child.enrolments().contains(service.code())) {
            throw RefusedException.invalid("NOT_ENROLLED", "Cet enfant n'est pas inscrit au service « "
                    + service.label() + " ».");
        }

        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TOWN_ZONE);
        Set<LocalDate> publicHolidays = setup.calendar().publicHolidayDays();
        Document month = calendars.month(query.childId(), service.code(), query.month());
        Document booked = month.get("booked", new Document());
        Document pending = month.get("pending", new Document());
        Map<LocalDate, Map<String, String>> closures = setups.closuresOf(query.month());
        List<MonthCalendar.CalendarDay> days = new ArrayList<>();
        for (LocalDate day : daysOf(query.month())) {
            ClosedReason closed = setup.closedReason(service, day, closures.getOrDefault(day, Map.of())
                                                                          .get(service.code()));
            Instant bookingCutOff = service.bookingRule().cutOffFor(day, publicHolidays).toInstant();
            Instant cancellingCutOff = service.cancellingRule().cutOffFor(day, publicHolidays).toInstant();
            boolean isBooked = booked.containsKey(day.toString());
            Document inBasket = pending.get(day.toString(), Document.class);
            boolean open = closed == null;
            boolean notPast = !day.isBefore(today);
            boolean frozen = !notPast || !now.isBefore(isBooked ? cancellingCutOff : bookingCutOff);
            days.add(new MonthCalendar.CalendarDay(
                    day, open, open ? null : closed.label(), isBooked,
                    inBasket == null ? null : ChangeKind.valueOf(inBasket.getString("kind")),
                    inBasket != null && query.account().equals(inBasket.getString("account")),
                    open && !isBooked && inBasket == null && !frozen,
                    isBooked && inBasket == null && !frozen,
                    frozen, bookingCutOff, cancellingCutOff));
        }
        LocalDate nextCutOffDay = nextCutOffDay(setup, service, today, now, publicHolidays);
        return new MonthCalendar(query.dossierNumber(), query.childId(), service.code(), service.label(),
                                 query.month(), days,
                                 nextCutOffDay == null ? null
                                         : service.bookingRule().cutOffFor(nextCutOffDay, publicHolidays).toInstant(),
                                 nextCutOffDay, query.month().minusMonths(1), query.month().plusMonths(1));
    }

    @QueryHandler
    BasketView handle(FindBasketQuery query) {
        directory.family(query.dossierNumber());
        long credit = credits.balance(query.dossierNumber());
        Document basket = baskets.basket(query.dossierNumber(), query.account());
        if (basket == null) {
            return BasketView.empty(query.dossierNumber(), query.account(), credit);
        }
        PlanningSetup setup = setups.setup();
        Set<LocalDate> publicHolidays = setup.calendar().publicHolidayDays();
        List<BasketLineView> lines = new ArrayList<>();
        for (Object value : basket.get("lines", new Document()).values()) {
            Document line = (Document) value;
            ServiceDefinition service = setup.knownService(line.getString("service"));
            ChangeKind kind = ChangeKind.valueOf(line.getString("kind"));
            LocalDate day = LocalDate.parse(line.getString("day"));
            var rule = kind == ChangeKind.BOOK ? service.bookingRule() : service.cancellingRule();
            lines.add(new BasketLineView(line.getString("childId"), service.code(), day, kind,
                                         Billing.valueOf(line.getString("billing")), cents(line, "amountCents"),
                                         rule.cutOffFor(day, publicHolidays).toInstant(),
                                         line.getBoolean("awaitingPlace", false)));
        }
        lines.sort(Comparator.comparing(BasketLineView::childId).thenComparing(BasketLineView::service)
                             .thenComparing(BasketLineView::day));
        BasketStatus status = BasketStatus.valueOf(basket.getString("status"));
        Document checkout = basket.get("checkout", Document.class);
        BasketTotals totals = checkout != null ? totalsOf(checkout) : totalsOf(lines, credit);
        return new BasketView(query.dossierNumber(), query.account(), basket.getString("basketId"), status,
                              basket.getDate("expiresAt") == null ? null : basket.getDate("expiresAt").toInstant(),
                              lines, totals, credit);
    }

    @QueryHandler
    DailyHeadcounts handle(FindDailyHeadcountsQuery query) {
        PlanningSetup setup = setups.setup();
        Instant now = clock.instant();
        Set<LocalDate> publicHolidays = setup.calendar().publicHolidayDays();
        Map<String, String> closures = setups.closuresOf(List.of(query.day())).getOrDefault(query.day(), Map.of());
        List<ServiceDefinition> services = setup.services().stream()
                .filter(service -> service.runsOn(query.day().getDayOfWeek())).toList();
        Map<String, Map<String, List<DailyHeadcounts.Attendee>>> booked = headcounts.of(
                query.day(), services.stream().map(ServiceDefinition::code).toList());
        List<DailyHeadcounts.Headcount> counts = new ArrayList<>();
        for (ServiceDefinition service : services) {
            ClosedReason closed = setup.closedReason(service, query.day(), closures.get(service.code()));
            Instant cutOff = later(service.bookingRule().cutOffFor(query.day(), publicHolidays).toInstant(),
                                   service.cancellingRule().cutOffFor(query.day(), publicHolidays).toInstant());
            for (String school : directory.schools()) {
                List<DailyHeadcounts.Attendee> attendees = booked.getOrDefault(service.code(), Map.of())
                        .getOrDefault(school, List.of());
                counts.add(new DailyHeadcounts.Headcount(service.code(), service.label(), school, attendees.size(),
                                                         closed == null, closed == null ? null : closed.label(),
                                                         cutOff, !now.isBefore(cutOff), attendees));
            }
        }
        return new DailyHeadcounts(query.day(), counts);
    }

    /** The first day from today whose booking is still possible: its cut-off is the next one. */
    private LocalDate nextCutOffDay(PlanningSetup setup, ServiceDefinition service, LocalDate today, Instant now,
                                    Set<LocalDate> publicHolidays) {
        List<LocalDate> horizon = today.datesUntil(today.plusDays(NEXT_CUT_OFF_HORIZON_DAYS)).toList();
        Map<LocalDate, Map<String, String>> closures = setups.closuresOf(horizon);
        for (LocalDate day : horizon) {
            String staffClosure = closures.getOrDefault(day, Map.of()).get(service.code());
            if (setup.closedReason(service, day, staffClosure) == null
                    && now.isBefore(service.bookingRule().cutOffFor(day, publicHolidays).toInstant())) {
                return day;
            }
        }
        return null;
    }

    private static BasketTotals totalsOf(List<BasketLineView> lines, long credit) {
        long bookings = 0;
        long refunds = 0;
        long invoicedLater = 0;
        for (BasketLineView line : lines) {
            if (line.kind() == ChangeKind.CANCEL) {
                refunds += line.amountCents();
            } else if (line.billing() == Billing.PREPAID) {
                bookings += line.amountCents();
            } else {
                invoicedLater += line.amountCents();
            }
        }
        long net = bookings - refunds;
        long creditUsed = net > 0 ? Math.min(credit, net) : 0;
        return new BasketTotals(bookings, refunds, creditUsed, net < 0 ? -net : 0, Math.max(0, net - creditUsed),
                                invoicedLater);
    }

    private static BasketTotals totalsOf(Document checkout) {
        return new BasketTotals(cents(checkout, "bookingsCents"), cents(checkout, "refundsCents"),
                                cents(checkout, "creditUsedCents"), cents(checkout, "creditAddedCents"),
                                cents(checkout, "amountDueCents"), cents(checkout, "invoicedLaterCents"));
    }

    /** Amounts come back as 32 or 64-bit numbers depending on their size. */
    private static long cents(Document document, String key) {
        Object value = document.get(key);
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static Child childOf(FamilyDirectory.Family family, String childId) {
        return family.children().stream().filter(child -> child.childId().equals(childId)).findFirst()
                .orElseThrow(() -> RefusedException.notFound("CHILD_NOT_FOUND",
                        "Cet enfant ne fait pas partie de ce dossier."));
    }

    private static List<LocalDate> daysOf(YearMonth month) {
        return month.atDay(1).datesUntil(month.plusMonths(1).atDay(1)).toList();
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
