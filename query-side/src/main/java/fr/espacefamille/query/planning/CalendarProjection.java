package fr.espacefamille.query.planning;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The school year of one child at one service, from which each month view is read: one document
 * per child, service and school year in {@code planning_calendars},
 * {@code _id: "<childId>|<service>|2026-2027"}, with the booked days (and what was paid) and the
 * days pending in a basket. A whole-year booking is then one write, not ten. Opening days and
 * cut-offs depend on the setup and on the time of asking, so {@link PlanningQueries} adds them
 * when asked.
 *
 * <p>Every change is a {@code $set} or {@code $unset} of one day: applying an event twice leaves
 * the document as once. A family's events come in order from its one stream.
 *
 * <p>The changes of a batch of events are written together, in their order, with one ordered
 * bulk write when the batch commits, before its token is stored: a 17h rush or a replay costs
 * one round trip per batch rather than one per event. No handler reads this collection.
 */
@Component
@ProcessingGroup(PlanningProjections.GROUP)
class CalendarProjection {

    private static final String PENDING_WRITES = CalendarProjection.class.getName() + ".pending";

    private final MongoCollection<Document> calendars;

    CalendarProjection(MongoDatabase database) {
        this.calendars = database.getCollection("planning_calendars");
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
        Map<String, List<Bson>> updates = new LinkedHashMap<>();
        for (BasketDay day : event.days()) {
            updates.computeIfAbsent(schoolYearOf(day.day()), year -> new ArrayList<>())
                   .add(Updates.set("pending." + day.day(), new Document("kind", event.kind().name())
                           .append("basketId", event.basketId()).append("account", event.account())));
        }
        write(event.dossierNumber(), event.childId(), event.service(), updates);
    }

    @EventHandler
    void on(DaysRemovedFromBasketEvent event) {
        Map<String, List<Bson>> updates = new LinkedHashMap<>();
        for (LocalDate day : event.days()) {
            updates.computeIfAbsent(schoolYearOf(day), year -> new ArrayList<>())
                   .add(Updates.unset("pending." + day));
        }
        write(event.dossierNumber(), event.childId(), event.service(), updates);
    }

    @EventHandler
    void on(BasketConfirmedEvent event) {
        for (BasketLine line : event.lines()) {
            Map<String, List<Bson>> updates = new LinkedHashMap<>();
            for (BasketDay day : line.days()) {
                List<Bson> year = updates.computeIfAbsent(schoolYearOf(day.day()), key -> new ArrayList<>());
                year.add(Updates.unset("pending." + day.day()));
                year.add(line.kind() == ChangeKind.BOOK ? Updates.set("booked." + day.day(), day.amountCents())
                                                         : Updates.unset("booked." + day.day()));
            }
            write(event.dossierNumber(), line.childId(), line.service(), updates);
        }
    }

    @EventHandler
    void on(BasketReleasedEvent event) {
        for (BasketLine line : event.lines()) {
            Map<String, List<Bson>> updates = new LinkedHashMap<>();
            for (BasketDay day : line.days()) {
                updates.computeIfAbsent(schoolYearOf(day.day()), year -> new ArrayList<>())
                       .add(Updates.unset("pending." + day.day()));
            }
            write(event.dossierNumber(), line.childId(), line.service(), updates);
        }
    }

    @EventHandler
    void on(BookingsCancelledByTownEvent event) {
        for (TownCancellation cancellation : event.cancellations()) {
            Map<String, List<Bson>> updates = new LinkedHashMap<>();
            for (BasketDay day : cancellation.days()) {
                updates.computeIfAbsent(schoolYearOf(day.day()), year -> new ArrayList<>())
                       .add(Updates.unset("booked." + day.day()));
            }
            write(event.dossierNumber(), cancellation.childId(), cancellation.service(), updates);
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

    private void write(String dossierNumber, String childId, String service, Map<String, List<Bson>> updates) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        updates.forEach((schoolYear, changes) -> {
            List<Bson> all = new ArrayList<>(changes);
            all.add(Updates.set("dossierNumber", dossierNumber));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", childId + "|" + service + "|" + schoolYear),
                                            Updates.combine(all), new UpdateOptions().upsert(true)));
        });
        if (writes.isEmpty()) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            calendars.bulkWrite(writes);
            return;
        }
        pendingWrites(CurrentUnitOfWork.get().root()).addAll(writes);
    }

    private List<WriteModel<Document>> pendingWrites(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(PENDING_WRITES, key -> {
            List<WriteModel<Document>> pending = new ArrayList<>();
            batch.onPrepareCommit(committing -> {
                if (!pending.isEmpty()) {
                    calendars.bulkWrite(pending);
                }
            });
            return pending;
        });
    }
}
