package fr.espacefamille.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * One ordered read of a stretch of positions, for a processor far behind the head: a single
 * range query on {@code _id} sorted by position, consumed batch by batch.
 *
 * <p>On a real MongoDB it walks the {@code _id} index, and so it does on the launcher's
 * in-process server ({@code OrderedIndexH2Backend}); a stock in-process backend scans the
 * collection for it. The in-process server holds its answer until read, which is why the engine
 * keeps a stretch short. Positions in the stretch that are not visible yet are simply not
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
                .find(new Document("_id", new Document("$gt", index).append("$lte", last)))
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
