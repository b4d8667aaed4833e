package fr.espacefamille.command.calendar;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.espacefamille.events.calendar.ServiceDayClosedEvent;
import fr.espacefamille.events.calendar.ServiceDayReopenedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The staff's closures as the command side checks bookings against them: one document per day
 * in {@code planning_closures}, {@code {_id: "2026-10-06", services: {TAP: "grève"}}}, read by
 * {@code _id}. Kept from the town calendar's events, so every command-side node sees the same.
 */
@Component
@ProcessingGroup(MongoClosures.GROUP)
class MongoClosures implements ClosureLookup {

    static final String GROUP = "planning-closures";

    private final MongoCollection<Document> closures;

    MongoClosures(MongoDatabase database) {
        this.closures = database.getCollection("planning_closures");
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
        closures.deleteMany(new Document());
    }

    @Override
    public Map<LocalDate, String> closuresOf(String service, Collection<LocalDate> days) {
        Map<LocalDate, String> closed = new HashMap<>();
        if (days.isEmpty()) {
            return closed;
        }
        for (Document day : closures.find(Filters.in("_id", days.stream().map(LocalDate::toString).toList()))) {
            Document services = day.get("services", Document.class);
            if (services != null && services.getString(service) != null) {
                closed.put(LocalDate.parse(day.getString("_id")), services.getString(service));
            }
        }
        return closed;
    }
}
