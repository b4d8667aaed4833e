package fr.espacefamille.platform.eventstore;

import com.mongodb.MongoInterruptedException;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a tracking stream's catch-up on a thread of its own, a few batches ahead of the
 * processor that consumes it.
 *
 * <p>A replay alternates two kinds of work: waiting for the server to gather and send the next
 * documents, and handling them. Read in line, one always waits for the other; read ahead, the
 * server's work and the reading of its answer (decoding, positions, tokens) overlap with the
 * processor's, on another core.
 *
 * <p>The reader stops when its work ends, fails, or when the stream is closed: it never
 * blocks for long on a consumer that went away, and a failure reaches the consumer as if it
 * had read in line.
 */
final class CatchUpReader implements AutoCloseable {

    private static final Object END = new Object();
    private static final long WAIT_MILLIS = 50;

    /** The reading itself: hands each batch to the sink, and stops when the sink refuses one. */
    interface Work {
        void readInto(Sink sink);
    }

    /** Takes a batch read ahead; false once the stream is closed. */
    interface Sink {
        boolean accept(List<StoredEvent> batch);
    }

    private final BlockingQueue<Object> ahead;
    private final Thread thread;
    private volatile boolean closed;
    private boolean ended;

    private CatchUpReader(String name, int batchesAhead, Work work) {
        this.ahead = new ArrayBlockingQueue<>(batchesAhead);
        this.thread = new Thread(() -> run(work), name);
        this.thread.setDaemon(true);
    }

    /** Starts reading on a thread of its own, at most {@code batchesAhead} batches ahead of {@link #next()}. */
    static CatchUpReader start(String name, int batchesAhead, Work work) {
        CatchUpReader reader = new CatchUpReader(name, batchesAhead, work);
        reader.thread.start();
        return reader;
    }

    /** The next batch in order, or an empty list once the work has ended. */
    @SuppressWarnings("unchecked")
    List<StoredEvent> next() {
        if (ended) {
            return List.of();
        }
        Object item = take();
        if (item == END) {
            ended = true;
            return List.of();
        }
        if (item instanceof Failure failure) {
            ended = true;
            throw failure.rethrown();
        }
        return (List<StoredEvent>) item;
    }

    /** Stops the reader; the batches it read ahead are dropped. */
    @Override
    public void close() {
        closed = true;
        ahead.clear();
    }

    private Object take() {
        try {
            while (true) {
                Object item = ahead.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                if (!thread.isAlive() && ahead.isEmpty()) {
                    ended = true;
                    throw new IllegalStateException("The catch-up reader " + thread.getName() + " stopped");
                }
            }
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new MongoInterruptedException("Interrupted while waiting for the events read ahead", e);
        }
    }

    private void run(Work work) {
        Object last = END;
        try {
            work.readInto(this::put);
        } catch (RuntimeException | Error e) {
            last = new Failure(e);
        }
        put(last);
    }

    private boolean put(Object item) {
        try {
            while (!closed) {
                if (ahead.offer(item, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return !closed;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private record Failure(Throwable cause) {

        RuntimeException rethrown() {
            if (cause instanceof Error error) {
                throw error;
            }
            return (RuntimeException) cause;
        }
    }
}
