package fr.espacefamille.benchmark.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One small document per ledger (its balance, entry count and last day), kept by the benchmark's
 * tracking processor.
 *
 * <p>It writes once per batch, not once per event: the events of a batch are folded in memory,
 * then the batch reads the versions of its ledgers with one {@code $in} by {@code _id}, inserts
 * the documents it did not find and replaces the changed ones, in one bulk write. It is idempotent: a ledger's document
 * keeps the sequence number of the last event applied, and an event at or below it changes
 * nothing, so a batch delivered twice leaves the same documents.
 */
@Component
@ProcessingGroup(LedgerProjection.GROUP)
public class LedgerProjection {

    public static final String GROUP = "ledger-views";
    private static final String PENDING = LedgerProjection.class.getName() + ".pending";
    private static final String VERSION = "version";

    private final MongoCollection<Document> views;
    private final AtomicLong handled = new AtomicLong();

    LedgerProjection(MongoDatabase database) {
        this.views = database.getCollection("ledger_views");
    }

    @EventHandler
    void on(EntryRecordedEvent event, @SequenceNumber long sequenceNumber, UnitOfWork<?> unitOfWork) {
        handled.incrementAndGet();
        pendingChanges(unitOfWork).merge(event.ledgerId(), new Change(sequenceNumber, event), Change::latest);
    }

    @ResetHandler
    void reset() {
        views.deleteMany(new Document());
    }

    /** Events handled since the start, replays included. */
    public long handled() {
        return handled.get();
    }

    public MongoCollection<Document> views() {
        return views;
    }

    private Map<String, Change> pendingChanges(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(PENDING, key -> {
            Map<String, Change> changes = new HashMap<>();
            unitOfWork.root().onPrepareCommit(committing -> write(changes));
            return changes;
        });
    }

    private void write(Map<String, Change> changes) {
        Map<String, Long> versions = new HashMap<>();
        views.find(Filters.in("_id", changes.keySet())).projection(Projections.include(VERSION))
             .forEach(view -> versions.put(view.getString("_id"), view.getLong(VERSION)));
        List<WriteModel<Document>> writes = new ArrayList<>();
        changes.forEach((ledgerId, change) -> {
            Long version = versions.get(ledgerId);
            if (version == null) {
                writes.add(new InsertOneModel<>(change.toView()));
            } else if (change.sequenceNumber() > version) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", ledgerId), change.toView(),
                                                 new ReplaceOptions().upsert(true)));
            }
        });
        if (!writes.isEmpty()) {
            views.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** The latest event of one ledger in a batch. */
    private record Change(long sequenceNumber, EntryRecordedEvent event) {

        Change latest(Change other) {
            return other.sequenceNumber > sequenceNumber ? other : this;
        }

        Document toView() {
            return new Document("_id", event.ledgerId())
                    .append(VERSION, sequenceNumber)
                    .append("entries", event.entryNumber())
                    .append("balanceCents", event.balanceCents())
                    .append("lastDay", event.day().toString());
        }
    }
}
