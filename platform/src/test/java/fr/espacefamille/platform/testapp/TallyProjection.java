package fr.espacefamille.platform.testapp;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One document per tally, listing the sequence numbers applied to it; idempotent: an event at or
 * below the last applied sequence number is skipped. Also records every delivery, for tests.
 */
@Component
@ProcessingGroup(TallyProjection.GROUP)
public class TallyProjection {

    public static final String GROUP = "tallies";

    private final MongoCollection<Document> views;
    private final Queue<TallyIncreasedEvent> deliveries = new ConcurrentLinkedQueue<>();
    private volatile long delayMillis;

    TallyProjection(MongoDatabase database) {
        this.views = database.getCollection("tally_views");
    }

    @EventHandler
    void on(TallyIncreasedEvent event, @SequenceNumber long sequenceNumber) throws InterruptedException {
        deliveries.add(event);
        if (delayMillis > 0) {
            Thread.sleep(delayMillis);
        }
        Document view = views.find(Filters.eq("_id", event.tallyId())).first();
        if (view != null && view.getLong("version") >= sequenceNumber) {
            return;
        }
        List<Long> applied = view == null ? new ArrayList<>() : new ArrayList<>(view.getList("applied", Long.class));
        applied.add(sequenceNumber);
        views.replaceOne(Filters.eq("_id", event.tallyId()),
                         new Document("_id", event.tallyId())
                                 .append("version", sequenceNumber)
                                 .append("total", event.total())
                                 .append("applied", applied),
                         new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        views.deleteMany(new Document());
    }

    public Queue<TallyIncreasedEvent> deliveries() {
        return deliveries;
    }

    /** Slows every event down, so that a test can stop the application mid-stream. */
    public void slowDown(long millis) {
        this.delayMillis = millis;
    }

    public MongoCollection<Document> views() {
        return views;
    }
}
