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
import fr.espacefamille.events.planning.ChangeKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who comes to a service on a day, by school: one document per day and service in
 * {@code planning_headcounts}, {@code _id: "2026-09-08|RESTAURATION"}, holding each school's
 * children (name and class). Only confirmed bookings count; the count is the number of
 * children, so applying an event twice counts nobody twice.
 */
@Component
@ProcessingGroup(PlanningProjections.GROUP)
class HeadcountProjection {

    private final MongoCollection<Document> headcounts;
    private final FamilyDirectory directory;

    HeadcountProjection(MongoDatabase database, FamilyDirectory directory) {
        this.headcounts = database.getCollection("planning_headcounts");
        this.directory = directory;
    }

    static String id(LocalDate day, String service) {
        return day + "|" + service;
    }

    @EventHandler
    void on(BasketConfirmedEvent event) {
        Map<String, Document> children = directory.children(event.lines().stream().map(BasketLine::childId).toList());
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (BasketLine line : event.lines()) {
            Document child = children.get(line.childId());
            String school = child == null ? "École non renseignée" : child.getString("school");
            String path = "schools." + MongoKeys.encode(school);
            String childPath = path + ".children." + MongoKeys.encode(line.childId());
            for (BasketDay day : line.days()) {
                var update = line.kind() == ChangeKind.BOOK
                        ? Updates.combine(Updates.set(path + ".name", school),
                                          Updates.set(childPath, attendee(line.childId(), child)))
                        : Updates.unset(childPath);
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id(day.day(), line.service())), update,
                                                new UpdateOptions().upsert(true)));
            }
        }
        if (!writes.isEmpty()) {
            headcounts.bulkWrite(writes);
        }
    }

    @ResetHandler
    void reset() {
        headcounts.deleteMany(new Document());
    }

    List<Document> of(Collection<String> ids) {
        return headcounts.find(Filters.in("_id", ids)).into(new ArrayList<>());
    }

    private static Document attendee(String childId, Document child) {
        Document attendee = new Document("childId", childId);
        if (child != null) {
            attendee.append("firstName", child.getString("firstName"))
                    .append("lastName", child.getString("lastName"))
                    .append("schoolClass", child.getString("schoolClass"));
        }
        return attendee;
    }
}
