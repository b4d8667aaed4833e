package fr.espacefamille.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * One ordered read of a long stretch of positions, for a processor far behind the head: a
 * single range query sorted by position, consumed batch by batch.
 *
 * <p>Its answer is held by the in-process server until read, which is why the engine bounds a
 * stretch.
 *
 * <p>On a real MongoDB this walks the {@code _id} index. The in-process server answers any range
 * query with a scan of the whole collection, so the engine opens one only when it replaces
 * reading a large part of the store; then one scan is far cheaper than thousands of
 * {@code $in} lookups. Positions in the stretch that are not visible yet are simply not
 * returned: they become gaps of the tracking token, as with the batched reads.
 */
final class CatchUpCursor implements AutoCloseable {

    private final MongoCursor<RawBsonDocument> cursor;

    private CatchUpCursor(MongoCursor<RawBsonDocument> cursor) {
        this.cursor = cursor;
    }

    /** Opens a read of the positions after {@code index} up to {@code last}, in position order. */
    static CatchUpCursor open(MongoCollection<RawBsonDocument> events, long index, long last, int fetchSize) {
        MongoCursor<RawBsonDocument> cursor = events
                .find(Filters.and(Filters.gt("_id", index), Filters.lte("_id", last)))
                .sort(Sorts.ascending("_id"))
                .batchSize(fetchSize)
                .iterator();
        return new CatchUpCursor(cursor);
    }

    /** Up to {@code count} next documents, in position order; empty once the stretch is read. */
    List<RawBsonDocument> next(int count) {
        List<RawBsonDocument> batch = new ArrayList<>(count);
        while (batch.size() < count && cursor.hasNext()) {
            batch.add(cursor.next());
        }
        return batch;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
