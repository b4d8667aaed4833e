package fr.espacefamille.platform.eventstore;

import com.mongodb.MongoInterruptedException;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catch-up read ahead on a thread of its own: order, failures, closing, interruption. */
class CatchUpReaderTest {

    private static final int AHEAD = 8;

    @Test
    void deliversEveryBatchInOrderThenNothing() {
        int batches = AHEAD * 5;
        CatchUpReader reader = CatchUpReader.start("test-reader", AHEAD, sink -> {
            for (int i = 1; i <= batches; i++) {
                if (!sink.accept(List.of(event(i)))) {
                    return;
                }
            }
        });

        List<Long> positions = new ArrayList<>();
        for (List<StoredEvent> batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
            positions.add(batch.get(0).trackingToken().position().orElseThrow());
        }

        assertThat(positions).hasSize(batches).isSorted().startsWith(1L).endsWith((long) batches);
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void readsNoFurtherAheadThanItWasToldToWhileNothingIsTaken() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        CatchUpReader reader = CatchUpReader.start("test-reader", 3, sink -> {
            for (long i = 1; sink.accept(List.of(event(i))); i++) {
                accepted.incrementAndGet();
            }
        });
        try {
            Thread.sleep(200);
            assertThat(accepted).as("three batches queued, the fourth waiting for room").hasValue(3);

            assertThat(reader.next()).hasSize(1);
            Thread.sleep(200);
            assertThat(accepted).hasValue(4);
        } finally {
            reader.close();
        }
    }

    @Test
    void aFailureReachesTheConsumerAfterTheBatchesReadBeforeIt() {
        IllegalStateException failure = new IllegalStateException("server gone");
        CatchUpReader reader = CatchUpReader.start("test-reader", AHEAD, sink -> {
            sink.accept(List.of(event(1)));
            sink.accept(List.of(event(2)));
            throw failure;
        });

        assertThat(reader.next()).hasSize(1);
        assertThat(reader.next()).hasSize(1);
        assertThatThrownBy(reader::next).isSameAs(failure);
        assertThat(reader.next()).as("ended").isEmpty();
    }

    @Test
    void closingStopsAReaderThatWouldReadForever() throws Exception {
        AtomicBoolean refused = new AtomicBoolean();
        AtomicReference<Thread> readerThread = new AtomicReference<>();
        CatchUpReader reader = CatchUpReader.start("test-reader", AHEAD, sink -> {
            readerThread.set(Thread.currentThread());
            for (long i = 1; ; i++) {
                if (!sink.accept(List.of(event(i)))) {
                    refused.set(true);
                    return;
                }
            }
        });
        assertThat(reader.next()).hasSize(1);

        reader.close();

        readerThread.get().join(Duration.ofSeconds(5).toMillis());
        assertThat(readerThread.get().isAlive()).isFalse();
        assertThat(refused).isTrue();
    }

    @Test
    void aConsumerInterruptedWhileWaitingStopsTheReaderAndKeepsItsInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean refused = new AtomicBoolean();
        CatchUpReader reader = CatchUpReader.start("test-reader", AHEAD, sink -> {
            awaitQuietly(release);
            refused.set(!sink.accept(List.of(event(1))));
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread consumer = new Thread(() -> {
            try {
                reader.next();
            } catch (RuntimeException e) {
                thrown.set(e);
                interruptKept.set(Thread.currentThread().isInterrupted());
            }
        });
        consumer.start();
        Thread.sleep(100);

        consumer.interrupt();
        consumer.join(5_000);
        release.countDown();

        assertThat(thrown.get()).isInstanceOf(MongoInterruptedException.class);
        assertThat(interruptKept).isTrue();
        Instant deadline = Instant.now().plusSeconds(5);
        while (!refused.get() && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(refused).as("the reader was told the stream is closed").isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static StoredEvent event(long position) {
        return new StoredEvent(GapAwareTrackingToken.newInstance(position, List.of()), "Test", "A", position,
                               "id-" + position, Instant.EPOCH, null, null);
    }
}
