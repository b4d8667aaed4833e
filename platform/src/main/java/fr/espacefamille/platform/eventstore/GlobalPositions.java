package fr.espacefamille.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Duration;

/**
 * Hands out global event positions from one counter document, read and updated by {@code _id}.
 *
 * <p>The counter is the head of the store: every position up to it has been handed out, though
 * an append may not be visible yet, or may have failed and left a gap for good.
 *
 * <p>So that an append does not cost a round trip to the counter besides its insert, a writer
 * reserves a block of positions at once and hands them out in order. The block adapts to the
 * load (it doubles when used up, and shrinks to what was used when it ages out) and it is used
 * for a short lifetime only, far below the gap timeout, so that a position handed out late is
 * still awaited by the processors. Positions left in a block that is given up are reported to
 * the {@link Listener}: nobody will ever write them.
 *
 * <p>An aggregate's events must take growing positions across writers too. A writer that loads
 * an aggregate written elsewhere is told the highest position it saw ({@link #coverUpTo}); if
 * its block lies below, it gives the block up, and its next append takes a fresh block above
 * everything handed out so far.
 */
final class GlobalPositions {

    static final int MAX_BLOCK = 512;
    private static final String VALUE = "value";

    /** Hears of positions that were reserved but will never be written. */
    interface Listener {
        void abandoned(long from, long to);
    }

    private final MongoCollection<Document> counters;
    private final String counterId;
    private final long blockLifetimeNanos;
    private final Listener listener;
    private int blockSize = 1;
    private long blockStart;
    private long next = 1;
    private long end;
    private long reservedAt;

    /** Positions taken from the counter one append at a time, without blocks. */
    GlobalPositions(MongoCollection<Document> counters, String counterId) {
        this(counters, counterId, Duration.ZERO, (from, to) -> { });
    }

    GlobalPositions(MongoCollection<Document> counters, String counterId, Duration blockLifetime,
                    Listener listener) {
        this.counters = counters;
        this.counterId = counterId;
        this.blockLifetimeNanos = blockLifetime.toNanos();
        this.listener = listener;
    }

    /** Hands out {@code count} consecutive positions and returns the first. */
    synchronized long allocate(int count) {
        if (blockLifetimeNanos == 0) {
            return reserve(count);
        }
        if (!fitsInBlock(count)) {
            renewBlock(count);
        }
        long first = next;
        next += count;
        return first;
    }

    /**
     * Makes the following appends take positions above {@code position}, the highest one seen
     * in an aggregate's stream: the block is given up when it lies below.
     */
    synchronized void coverUpTo(long position) {
        if (next <= position) {
            giveUpBlock();
        }
    }

    /** Gives the current block up, so that the next append takes positions above all others. */
    synchronized void giveUpBlock() {
        if (next <= end) {
            listener.abandoned(next, end);
            next = end + 1;
        }
    }

    /** The highest position handed out so far, 0 when the store is empty. */
    long head() {
        Document counter = counters.find(Filters.eq("_id", counterId)).first();
        return counter == null ? 0 : counter.getLong(VALUE);
    }

    private boolean fitsInBlock(int count) {
        return next + count - 1 <= end && System.nanoTime() - reservedAt < blockLifetimeNanos;
    }

    private void renewBlock(int count) {
        boolean usedUp = next > end;
        long used = next - blockStart;
        giveUpBlock();
        blockSize = usedUp ? Math.min(MAX_BLOCK, blockSize * 2) : (int) Math.max(1, Math.min(MAX_BLOCK, used));
        int size = Math.max(count, blockSize);
        blockStart = reserve(size);
        next = blockStart;
        end = blockStart + size - 1;
        reservedAt = System.nanoTime();
    }

    /**
     * Takes {@code count} positions from the counter and returns the first.
     *
     * <p>It asks for the counter as it was before the increment: the in-process server answers
     * "after" with its live document, which a concurrent increment can change before the answer
     * is written, so that two writers would get the same block; "before" is a copy.
     */
    private long reserve(int count) {
        Document before = counters.findOneAndUpdate(
                Filters.eq("_id", counterId),
                Updates.inc(VALUE, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null ? 1 : before.getLong(VALUE) + 1;
    }
}
