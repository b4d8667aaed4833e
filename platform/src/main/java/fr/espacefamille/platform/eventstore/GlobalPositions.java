package fr.espacefamille.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Hands out global event positions from one counter document, read and updated by {@code _id}.
 *
 * <p>The counter is the head of the store: every position up to it has been handed out, though
 * an append may not be visible yet, or may have failed and left a gap for good.
 */
final class GlobalPositions {

    private static final String VALUE = "value";

    private final MongoCollection<Document> counters;
    private final String counterId;

    GlobalPositions(MongoCollection<Document> counters, String counterId) {
        this.counters = counters;
        this.counterId = counterId;
    }

    /**
     * Reserves {@code count} consecutive positions and returns the first.
     *
     * <p>It asks for the counter as it was before the increment: the in-process server answers
     * "after" with its live document, which a concurrent increment can change before the answer
     * is written, so that two writers would get the same block; "before" is a copy.
     */
    long allocate(int count) {
        Document before = counters.findOneAndUpdate(
                Filters.eq("_id", counterId),
                Updates.inc(VALUE, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null ? 1 : before.getLong(VALUE) + 1;
    }

    /** The highest position handed out so far, 0 when the store is empty. */
    long head() {
        Document counter = counters.find(Filters.eq("_id", counterId)).first();
        return counter == null ? 0 : counter.getLong(VALUE);
    }
}
