package fr.espacefamille.benchmark;

import com.mongodb.client.MongoCollection;
import fr.espacefamille.benchmark.ledger.EntryRecordedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings the store to a size quickly, through the event storage engine's own append: calls of
 * 1,000 events, ten events per ledger, from two threads so that preparing one call overlaps
 * the server storing the other. The documents are therefore exactly those the engine writes,
 * with their positions taken from its counter and their stream keys checked by its index.
 */
final class StoreFiller {

    static final int EVENTS_PER_LEDGER = 10;
    static final int EVENTS_PER_APPEND = 1_000;
    private static final Logger logger = LoggerFactory.getLogger(StoreFiller.class);
    private static final String[] LABELS = {"Restauration scolaire", "Accueil du matin", "Accueil du soir",
                                            "TAP", "Centre de loisirs du mercredi"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);

    private final EventStorageEngine engine;
    private final MongoCollection<Document> events;
    private final AtomicLong ledgerNumbers = new AtomicLong();
    private final Deque<String> untouchedLedgers = new ArrayDeque<>();

    StoreFiller(EventStorageEngine engine, MongoCollection<Document> events) {
        this.engine = engine;
        this.events = events;
    }

    /** Events in the store now (the server's count, read from its collection size). */
    long storedEvents() {
        return events.estimatedDocumentCount();
    }

    /** Appends whole ledgers until the store holds at least {@code size} events; returns how many. */
    long fillTo(long size) {
        long missing = size - storedEvents();
        if (missing <= 0) {
            return 0;
        }
        int appends = (int) ((missing + EVENTS_PER_APPEND - 1) / EVENTS_PER_APPEND);
        logger.info("Filling the store with [{}] events towards [{}]", (long) appends * EVENTS_PER_APPEND, size);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            for (int i = 0; i < appends; i++) {
                calls.add(CompletableFuture.runAsync(() -> engine.appendEvents(nextLedgers()), threads));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
        }
        return (long) appends * EVENTS_PER_APPEND;
    }

    /**
     * Ledgers filled but not yet used by a measurement, most recent first; fewer than asked for
     * when the last fill was small.
     */
    synchronized List<String> takeUntouchedLedgers(int count) {
        List<String> taken = new ArrayList<>(count);
        while (taken.size() < count && !untouchedLedgers.isEmpty()) {
            taken.add(untouchedLedgers.pollLast());
        }
        return taken;
    }

    private List<DomainEventMessage<EntryRecordedEvent>> nextLedgers() {
        List<DomainEventMessage<EntryRecordedEvent>> batch = new ArrayList<>(EVENTS_PER_APPEND);
        for (int ledger = 0; ledger < EVENTS_PER_APPEND / EVENTS_PER_LEDGER; ledger++) {
            String ledgerId = "ledger-%08d".formatted(ledgerNumbers.incrementAndGet());
            long balance = 0;
            for (int sequence = 0; sequence < EVENTS_PER_LEDGER; sequence++) {
                long amount = 350 + 25L * (sequence % 7);
                balance += amount;
                EntryRecordedEvent entry = new EntryRecordedEvent(ledgerId, sequence + 1, amount, balance,
                                                                  LABELS[sequence % LABELS.length],
                                                                  FIRST_DAY.plusDays(sequence));
                batch.add(new GenericDomainEventMessage<>("Ledger", ledgerId, sequence, entry, commandMetaData()));
            }
            remember(ledgerId);
        }
        return batch;
    }

    private synchronized void remember(String ledgerId) {
        untouchedLedgers.addLast(ledgerId);
    }

    /** What the command gateway adds to every event: the ids of the command that caused it. */
    private static MetaData commandMetaData() {
        String commandId = UUID.randomUUID().toString();
        return MetaData.with("traceId", commandId).and("correlationId", commandId);
    }
}
