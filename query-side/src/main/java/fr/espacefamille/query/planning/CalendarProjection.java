package fr.espacefamille.query.planning;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fr.espacefamille.events.planning.BasketConfirmedEvent;
import fr.espacefamille.events.planning.BasketDay;
import fr.espacefamille.events.planning.BasketLine;
import fr.espacefamille.events.planning.BasketReleasedEvent;
import fr.espacefamille.events.planning.BookingsCancelledByTownEvent;
import fr.espacefamille.events.planning.ChangeKind;
import fr.espacefamille.events.planning.DaysAddedToBasketEvent;
import fr.espacefamille.events.planning.DaysRemovedFromBasketEvent;
import fr.espacefamille.events.planning.TownCancellation;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import fr.espacefamille.platform.readmodel.BatchedDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static fr.espacefamille.platform.readmodel.BatchedDocuments.section;

/**
 * The school year of one child at one service, from which each month view is read: one document
 * per child, service and school year in {@code planning_calendars},
 * {@code _id: "<childId>|<service>|2026-2027"}, with the booked days (and what was paid) and the
 * days pending in a basket. A whole-year booking is then one write, not ten. Opening days and
 * cut-offs depend on the setup and on the time of asking, so {@link PlanningQueries} adds them
 * when asked.
 *
 * <p>Every change adds or removes one day: applying an event twice leaves the document as once.
 * A family's events come in order from its one stream, in one segment of the group.
 *
 * <p>The changes of a batch of events are applied in memory and each document touched is
 * written once, whole, when the batch commits ({@link BatchedDocuments}): a whole-year booking
 * or a 17h rush costs two round trips per batch, not one update of 140 fields per event.
 */
@Component
@ProcessingGroup(PlanningProjections.GROUP)
class CalendarProjection {

    private static final String PENDING = "pending";
    private static final String BOOKED = "booked";

    private final MongoCollection<Document> calendars;
    private final BatchedDocuments documents;

    CalendarProjection(MongoDatabase database) {
        this.calendars = database.getCollection("planning_calendars");
        this.documents = new BatchedDocuments(calendars);
    }

    static String id(String childId, String service, LocalDate day) {
        return childId + "|" + service + "|" + schoolYearOf(day);
    }

    /** September to August: 2026-09-01 and 2027-08-31 are both in {@code 2026-2027}. */
    static String schoolYearOf(LocalDate day) {
        int first = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        return first + "-" + (first + 1);
    }

    @EventHandler
    void on(DaysAddedToBasketEvent event) {
        change(event.dossierNumber(), event.childId(), event.service(),
               event.days().stream().map(BasketDay::day).toList(),
               (calendar, day) -> section(calendar, PENDING).put(day.toString(), new Document(
                       "kind", event.kind().name()).append("basketId", event.basketId())
                                                   .append("account", event.account())));
    }

    @EventHandler
    void on(DaysRemovedFromBasketEvent event) {
        change(event.dossierNumber(), event.childId(), event.service(), event.days(),
               (calendar, day) -> section(calendar, PENDING).remove(day.toString()));
    }

    @EventHandler
    void on(BasketConfirmedEvent event) {
        for (BasketLine line : event.lines()) {
            Map<LocalDate, Long> amounts = amountsOf(line.days());
            change(event.dossierNumber(), line.childId(), line.service(), amounts.keySet(), (calendar, day) -> {
                section(calendar, PENDING).remove(day.toString());
                if (line.kind() == ChangeKind.BOOK) {
                    section(calendar, BOOKED).put(day.toString(), amounts.get(day));
                } else {
                    section(calendar, BOOKED).remove(day.toString());
                }
            });
        }
    }

    @EventHandler
    void on(BasketReleasedEvent event) {
        for (BasketLine line : event.lines()) {
            change(event.dossierNumber(), line.childId(), line.service(),
                   line.days().stream().map(BasketDay::day).toList(),
                   (calendar, day) -> section(calendar, PENDING).remove(day.toString()));
        }
    }

    @EventHandler
    void on(BookingsCancelledByTownEvent event) {
        for (TownCancellation cancellation : event.cancellations()) {
            change(event.dossierNumber(), cancellation.childId(), cancellation.service(),
                   cancellation.days().stream().map(BasketDay::day).toList(),
                   (calendar, day) -> section(calendar, BOOKED).remove(day.toString()));
        }
    }

    @ResetHandler
    void reset() {
        calendars.deleteMany(new Document());
    }

    /** The school year holding the month: its booked and pending days. */
    Document month(String childId, String service, YearMonth month) {
        Document document = calendars.find(Filters.eq("_id", id(childId, service, month.atDay(1)))).first();
        return document == null ? new Document() : document;
    }

    /**
     * Applies {@code change} to each day in the documents of the school years holding them,
     * which also record the dossier.
     */
    private void change(String dossierNumber, String childId, String service, Collection<LocalDate> days,
                        BiConsumer<Document, LocalDate> change) {
        Map<String, List<LocalDate>> byYear = new LinkedHashMap<>();
        days.forEach(day -> byYear.computeIfAbsent(schoolYearOf(day), year -> new ArrayList<>()).add(day));
        byYear.forEach((schoolYear, ofYear) -> documents.change(childId + "|" + service + "|" + schoolYear,
                                                                 calendar -> {
            calendar.put("dossierNumber", dossierNumber);
            ofYear.forEach(day -> change.accept(calendar, day));
        }));
    }

    private static Map<LocalDate, Long> amountsOf(List<BasketDay> days) {
        Map<LocalDate, Long> amounts = new LinkedHashMap<>();
        days.forEach(day -> amounts.put(day.day(), day.amountCents()));
        return amounts;
    }
}
