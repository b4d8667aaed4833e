package fr.espacefamille.query.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.calendar.PlanningSetup;
import fr.espacefamille.events.calendar.PlanningSetupPublishedEvent;
import fr.espacefamille.events.calendar.ServiceDayClosedEvent;
import fr.espacefamille.events.calendar.ServiceDayReopenedEvent;
import fr.espacefamille.events.planning.Closures;
import fr.espacefamille.events.planning.FindClosuresQuery;
import fr.espacefamille.events.planning.FindPlanningSetupQuery;
import fr.espacefamille.platform.axon.ReadModelBehindException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The town's services, school calendar and staff closures as the command side published them:
 * the setup in {@code planning_setup} ({@code _id: "current"}), the closures in
 * {@code planning_closure_views}, one document per day.
 */
@Component
@ProcessingGroup(PlanningProjections.GROUP)
public class PlanningSetupProjection {

    private static final String CURRENT = "current";

    private final MongoCollection<Document> setups;
    private final MongoCollection<Document> closures;
    private final ObjectMapper objectMapper;

    PlanningSetupProjection(MongoDatabase database, ObjectMapper objectMapper) {
        this.setups = database.getCollection("planning_setup");
        this.closures = database.getCollection("planning_closure_views");
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(PlanningSetupPublishedEvent event) {
        Document document = new Document("_id", CURRENT);
        document.putAll(objectMapper.convertValue(event.setup(), Document.class));
        setups.replaceOne(Filters.eq("_id", CURRENT), document, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(ServiceDayClosedEvent event) {
        closures.updateOne(Filters.eq("_id", event.day().toString()),
                           Updates.set("services." + event.service(), event.reason()),
                           new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(ServiceDayReopenedEvent event) {
        closures.updateOne(Filters.eq("_id", event.day().toString()), Updates.unset("services." + event.service()));
    }

    @ResetHandler
    void reset() {
        setups.deleteMany(new Document());
        closures.deleteMany(new Document());
    }

    @QueryHandler
    PlanningSetup handle(FindPlanningSetupQuery query) {
        return setup();
    }

    @QueryHandler
    Closures handle(FindClosuresQuery query) {
        List<LocalDate> days = query.month().atDay(1).datesUntil(query.month().plusMonths(1).atDay(1)).toList();
        List<Closures.Closure> found = new ArrayList<>();
        closuresOf(days).forEach((day, services) -> services.forEach(
                (service, reason) -> found.add(new Closures.Closure(day, service, reason))));
        found.sort(Comparator.comparing(Closures.Closure::day).thenComparing(Closures.Closure::service));
        return new Closures(query.month(), found);
    }

    /** The setup last published; refused while the command side has published none. */
    PlanningSetup setup() {
        Document document = setups.find(Filters.eq("_id", CURRENT)).first();
        if (document == null) {
            throw RefusedException.conflict("PLANNING_NOT_READY",
                    "Le calendrier des services n'est pas encore disponible. Merci de réessayer dans un instant.");
        }
        document.remove("_id");
        return objectMapper.convertValue(document, PlanningSetup.class);
    }

    /** The setup last published, for a side effect: while there is none, the view is behind. */
    PlanningSetup setupOrBehind() {
        try {
            return setup();
        } catch (RefusedException e) {
            throw new ReadModelBehindException("No planning setup in the planning view yet");
        }
    }

    /** The staff's closures of these days, by day and service. */
    Map<LocalDate, Map<String, String>> closuresOf(Collection<LocalDate> days) {
        Map<LocalDate, Map<String, String>> closed = new HashMap<>();
        for (Document day : closures.find(Filters.in("_id", days.stream().map(LocalDate::toString).toList()))) {
            Document services = day.get("services", Document.class);
            if (services != null && !services.isEmpty()) {
                Map<String, String> reasons = new HashMap<>();
                services.forEach((service, reason) -> reasons.put(service, String.valueOf(reason)));
                closed.put(LocalDate.parse(day.getString("_id")), reasons);
            }
        }
        return closed;
    }

    Map<LocalDate, Map<String, String>> closuresOf(YearMonth month) {
        return closuresOf(month.atDay(1).datesUntil(month.plusMonths(1).atDay(1)).toList());
    }
}
