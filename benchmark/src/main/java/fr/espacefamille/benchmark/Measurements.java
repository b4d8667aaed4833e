package fr.espacefamille.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import fr.espacefamille.benchmark.ledger.LedgerProjection;
import fr.espacefamille.benchmark.ledger.RecordEntryCommand;
import fr.espacefamille.platform.eventstore.MongoEventStorageEngine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The four measurements of one point: appends through the command gateway, the same documents
 * inserted with the raw driver, a projection's replay and a raw scan of the events.
 */
final class Measurements {

    /** Ledgers each caller works on; its first command to each loads the ledger's stream. */
    static final int LEDGERS_PER_CALLER = 20;
    /** Documents a scan reads at most. */
    static final long MAX_SCAN = 250_000;
    private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(30);
    private static final LocalDate DAY = LocalDate.of(2027, 1, 11);

    private final CommandGateway gateway;
    private final MongoEventStorageEngine engine;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> positionCounters;
    private final LedgerProjection projection;
    private final TrackingEventProcessor processor;
    private final TokenStore tokenStore;
    private final AtomicInteger runs = new AtomicInteger();

    Measurements(ConfigurableApplicationContext app) {
        MongoDatabase database = app.getBean("espaceFamilleDatabase", MongoDatabase.class);
        this.gateway = app.getBean(CommandGateway.class);
        this.engine = app.getBean(MongoEventStorageEngine.class);
        this.events = database.getCollection("events");
        this.positionCounters = database.getCollection("event_positions");
        this.projection = app.getBean(LedgerProjection.class);
        this.processor = app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(LedgerProjection.GROUP, TrackingEventProcessor.class).orElseThrow();
        this.tokenStore = app.getBean(TokenStore.class);
    }

    /**
     * Sends {@code operations} commands through the gateway; each caller cycles over its own
     * {@link #LEDGERS_PER_CALLER} ledgers, taken from {@code ledgers} (new ledgers when short).
     */
    Callers.Timing gatewayAppends(int callers, int operations, List<String> ledgers) {
        List<String> targets = new ArrayList<>(ledgers);
        int run = runs.incrementAndGet();
        while (targets.size() < callers * LEDGERS_PER_CALLER) {
            targets.add("new-ledger-%d-%d".formatted(run, targets.size()));
        }
        return Callers.run(callers, operations, (caller, index) -> {
            String ledgerId = targets.get(caller * LEDGERS_PER_CALLER + index % LEDGERS_PER_CALLER);
            gateway.sendAndWait(new RecordEntryCommand(ledgerId, 450, "Restauration scolaire", DAY));
        });
    }

    /**
     * Inserts {@code operations} event documents with {@code insertOne}, one per call: copies of
     * a document the engine wrote, each with its own position, stream key and identifier. Their
     * positions are reserved from the engine's counter beforehand, outside the timing, so that
     * they stay valid events of the store.
     */
    Callers.Timing rawInserts(int callers, int operations) {
        Document template = events.find().first();
        int perCaller = operations / callers;
        long firstPosition = reservePositions((long) perCaller * callers);
        int run = runs.incrementAndGet();
        List<List<Document>> documents = new ArrayList<>();
        for (int caller = 0; caller < callers; caller++) {
            String stream = "raw-%d-%d".formatted(run, caller);
            List<Document> ofCaller = new ArrayList<>(perCaller);
            for (int i = 0; i < perCaller; i++) {
                ofCaller.add(copyOf(template, firstPosition + (long) caller * perCaller + i, stream, i));
            }
            documents.add(ofCaller);
        }
        return Callers.run(callers, operations, (caller, index) -> events.insertOne(documents.get(caller).get(index)));
    }

    /**
     * Resets the projection's processor to {@code count} events before the head, or to the tail
     * for 0, and times it catching up: from its start until its token stands at the last
     * visible event.
     */
    Rate replay(long count) throws InterruptedException {
        if (tokenStore.fetchSegments(LedgerProjection.GROUP).length == 0) {
            tokenStore.initializeTokenSegments(LedgerProjection.GROUP, 1, engine.createHeadToken());
        }
        long head = engine.headPosition();
        TrackingToken headToken = engine.createHeadToken();
        long lastEvent = headToken == null ? 0 : headToken.position().orElse(0);
        long from = count == 0 ? 0 : Math.max(0, head - count);
        processor.resetTokens(from == 0 ? null : GapAwareTrackingToken.newInstance(from, List.of()));
        long handledBefore = projection.handled();
        long began = System.nanoTime();
        processor.start();
        awaitCaughtUp(began, lastEvent);
        long elapsed = System.nanoTime() - began;
        processor.shutDown();
        return new Rate(projection.handled() - handledBefore, elapsed);
    }

    /**
     * Iterates {@code count} event documents, or all for 0, with the driver, in natural order; at
     * most {@value #MAX_SCAN}: the in-process server holds a query's whole answer in memory, and
     * beyond that the JVM spends its time copying it from one collection to the next.
     */
    Rate scan(long count) {
        long limit = count == 0 ? MAX_SCAN : Math.min(count, MAX_SCAN);
        long began = System.nanoTime();
        long seen = 0;
        try (MongoCursor<Document> cursor = events.find().limit(Math.toIntExact(limit)).batchSize(1_000)
                                                  .iterator()) {
            while (cursor.hasNext()) {
                cursor.next();
                seen++;
            }
        }
        return new Rate(seen, System.nanoTime() - began);
    }

    private void awaitCaughtUp(long began, long lastEvent) throws InterruptedException {
        while (!isCaughtUpAt(lastEvent)) {
            if (System.nanoTime() - began > REPLAY_TIMEOUT.toNanos()) {
                throw new IllegalStateException("The replay did not catch up within " + REPLAY_TIMEOUT);
            }
            Thread.sleep(2);
        }
    }

    /**
     * Whether the processor's token stands at the last event: every event up to it handled and
     * its batch committed. Axon's caught-up flag is not waited for: it is raised only after the
     * stream has then stayed empty for up to the processor's availability timeout (a second),
     * which is idle time, not replay work.
     */
    private boolean isCaughtUpAt(long lastEvent) {
        EventTrackerStatus status = processor.processingStatus().get(0);
        return status != null && status.getCurrentPosition().orElse(0) >= lastEvent;
    }

    /** Takes positions from the engine's counter document, as its own appends do. */
    private long reservePositions(long count) {
        Document before = positionCounters.findOneAndUpdate(
                Filters.eq("_id", "events"), Updates.inc("value", count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null ? 1 : before.getLong("value") + 1;
    }

    private static Document copyOf(Document template, long position, String stream, long sequence) {
        String eventId = UUID.randomUUID().toString();
        Document payload = new Document(template.get("payload", Document.class)).append("ledgerId", stream);
        return new Document(template)
                .append("_id", position)
                .append("streamKey", stream + "#" + sequence)
                .append("aggregateIdentifier", stream)
                .append("sequenceNumber", sequence)
                .append("eventIdentifier", eventId)
                .append("timestamp", new Date())
                .append("payload", payload)
                .append("metaData", new Document("traceId", eventId).append("correlationId", eventId));
    }

    /** How many items a measurement went through, and in how long. */
    record Rate(long count, long elapsedNanos) {

        double perSecond() {
            return elapsedNanos == 0 ? 0 : count * 1e9 / elapsedNanos;
        }
    }
}
