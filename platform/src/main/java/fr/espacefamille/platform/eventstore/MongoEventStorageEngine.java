package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon event storage on the MongoDB driver, one document per event.
 *
 * <p>Every query on a hot path is an {@code _id} lookup or an {@code $in} on a unique key, so
 * that its cost does not grow with the store, on a real MongoDB as on the in-process server
 * (which answers every range query and sort with a full scan):
 * <ul>
 *   <li>Append: a counter document, incremented by {@code _id}, hands out blocks of global
 *   positions, which each writer uses up for a short while ({@link GlobalPositions}); the
 *   events are inserted with those positions as {@code _id}. A unique index
 *   on {@code streamKey} (aggregate id and sequence number) refuses a second event at the same
 *   sequence number, which Axon turns into a concurrency exception. Nothing is overwritten.</li>
 *   <li>Load an aggregate: {@code $in} on the stream keys that follow, in growing batches,
 *   until a batch comes back short.</li>
 *   <li>Tracking: {@code $in} on the token's gaps and the next positions up to the counter;
 *   a stream far behind reads long stretches with one ordered query each instead
 *   ({@link CatchUpCursor}).
 *   Tokens are {@link GapAwareTrackingToken}s: a position handed out but not yet visible (a
 *   slow insert, a paused writer on another node) stays a gap and is delivered when it shows
 *   up. A gap that stays empty for longer than the gap timeout (a failed append) is given
 *   up.</li>
 *   <li>Snapshots: one document per aggregate, read and replaced by {@code _id}.</li>
 * </ul>
 *
 * <p>There are no multi-document transactions here (the in-process server has none). An
 * append that fails half-way, which can only happen when one unit of work appends to several
 * aggregates and a later one clashes, removes the documents it inserted before reporting the
 * clash.
 */
public class MongoEventStorageEngine extends AbstractEventStorageEngine {

    private static final Logger logger = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    private static final int FIRST_AGGREGATE_BATCH = 16;
    private static final Duration MAX_BLOCK_LIFETIME = Duration.ofMillis(500);
    private static final String LAST_EVENT_POSITION = "lastEventPosition";
    private static final int CATCH_UP_MIN_BATCHES = 10;
    private static final int CATCH_UP_FETCH = 1_000;
    private static final long CATCH_UP_STRETCH = 10_000;

    private final MongoCollection<Document> events;
    /** The same collection for reads: documents kept as bytes, their fields read where they lie. */
    private final MongoCollection<RawBsonDocument> storedEvents;
    private final MongoCollection<Document> snapshots;
    private final GlobalPositions positions;
    private final EventDocuments documents;
    private final MissingPositions missingPositions;
    private final int batchSize;
    private final int maxGapOffset;
    private final int readAhead;
    private final AtomicLong catchUpReads = new AtomicLong();

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(builder.eventCollection);
        this.storedEvents = events.withDocumentClass(RawBsonDocument.class);
        this.snapshots = builder.database.getCollection(builder.snapshotCollection);
        this.missingPositions = new MissingPositions(builder.clock, builder.gapTimeout);
        this.positions = new GlobalPositions(builder.database.getCollection(builder.positionCollection),
                                             builder.eventCollection, blockLifetime(builder.gapTimeout),
                                             missingPositions::abandoned);
        this.documents = new EventDocuments(builder.objectMapper);
        this.batchSize = builder.batchSize;
        this.maxGapOffset = builder.maxGapOffset;
        this.readAhead = builder.readAhead;
    }

    /** Positions reserved in advance are used within a tenth of the gap timeout, half a second at most. */
    private static Duration blockLifetime(Duration gapTimeout) {
        Duration tenth = gapTimeout.dividedBy(10);
        return tenth.compareTo(MAX_BLOCK_LIFETIME) < 0 ? tenth : MAX_BLOCK_LIFETIME;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the unique index that guards the aggregate sequence numbers. Idempotent. */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending(EventDocuments.STREAM_KEY), new IndexOptions().unique(true));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        long first = positions.allocate(eventMessages.size());
        List<Document> toInsert = new ArrayList<>(eventMessages.size());
        for (int i = 0; i < eventMessages.size(); i++) {
            toInsert.add(documents.toDocument(eventMessages.get(i), serializer, first + i));
        }
        try {
            if (toInsert.size() == 1) {
                // Most commands apply one event; the driver's bulk path costs more than the insert.
                events.insertOne(toInsert.get(0));
            } else {
                events.insertMany(toInsert, new InsertManyOptions().ordered(true));
            }
        } catch (MongoException e) {
            int failedAt = failedIndex(e);
            removeInserted(toInsert.subList(0, failedAt));
            handlePersistenceException(e, eventMessages.get(failedAt));
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = documents.toDocument(snapshot, serializer, null);
        document.remove(EventDocuments.STREAM_KEY);
        document.append("_id", snapshot.getAggregateIdentifier());
        Document lastEvent = events.find(Filters.eq(EventDocuments.STREAM_KEY, EventDocuments.streamKey(
                snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber())))
                .projection(new Document("_id", 1)).first();
        if (lastEvent != null) {
            document.append(LAST_EVENT_POSITION, lastEvent.getLong("_id"));
        }
        snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), document,
                             new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateIdentifier,
                                                                 long firstSequenceNumber) {
        return batches(new AggregateBatch(firstSequenceNumber, FIRST_AGGREGATE_BATCH, List.of()),
                       previous -> nextAggregateBatch(aggregateIdentifier, previous))
                .map(StoredEvent.class::cast);
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (trackingToken != null && !(trackingToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Unsupported token " + trackingToken.getClass().getName()
                                                       + "; this store tracks with gap-aware tokens");
        }
        GapAwareTrackingToken start = (GapAwareTrackingToken) trackingToken;
        CatchUp catchUp = new CatchUp();
        return batches(new TrackedBatch(start, List.of()),
                       previous -> new TrackedBatch(previous.lastToken(), nextTracked(previous.lastToken(), catchUp)))
                .onClose(catchUp::close)
                .map(StoredEvent.class::cast);
    }

    /**
     * The next batch for a tracking stream. A stream far behind the head catches up first: its
     * token's gaps, then stretch after stretch of positions, each with one ordered
     * {@link CatchUpCursor}, read a few batches ahead on a thread of its own
     * ({@link CatchUpReader}). Otherwise, and once caught up, it reads batch by batch with
     * {@code $in} on positions. A stream considers catching up on its first batch only, so that
     * streams following the head pay nothing for it.
     */
    private List<StoredEvent> nextTracked(GapAwareTrackingToken lastToken, CatchUp catchUp) {
        if (catchUp.mayStart()) {
            GapAwareTrackingToken token = withoutExpiredGaps(lastToken);
            if (worthwhileStretchEnd(token, shortestStretch()) > token.getIndex()) {
                logger.info("Catching up from [{}], [{}] positions behind the head, with ordered reads",
                            token.getIndex(), positions.head() - token.getIndex());
                catchUp.start(CatchUpReader.start("event-store-catch-up-" + token.getIndex(),
                                                  Math.max(1, readAhead / batchSize),
                                                  sink -> catchUp(token, sink)));
            }
        }
        List<StoredEvent> caughtUp = catchUp.next();
        return caughtUp.isEmpty() ? fetchTrackedEvents(lastToken, batchSize) : caughtUp;
    }

    /**
     * Reads from the token while it stays far behind the head: the token's gaps, then one
     * stretch after another. Stops when the head is near, when a stretch delivered nothing
     * (positions handed out and not written yet: batched lookups wait for them), or when the
     * sink refuses a batch.
     *
     * <p>The first stretch is short and each next one twice as long, up to
     * {@value #CATCH_UP_STRETCH} positions: the in-process server gathers a stretch whole before
     * it sends its first document, and the processor would wait for all of it; once the first
     * batches are in hand, the next stretch is gathered while they are handled. The first holds
     * one batch more than the shortest stretch: a processor taking that many events at once
     * looks at the next one before it starts.
     */
    private void catchUp(GapAwareTrackingToken from, CatchUpReader.Sink sink) {
        GapAwareTrackingToken token = withoutExpiredGaps(from);
        long stretch = shortestStretch() + batchSize;
        boolean delivered = true;
        while (delivered) {
            long stretchEnd = worthwhileStretchEnd(token, stretch);
            stretch = Math.min(stretch * 2, Math.max(CATCH_UP_STRETCH, shortestStretch()));
            if (stretchEnd <= token.getIndex()) {
                return;
            }
            logger.debug("Reading positions [{}] to [{}] in order", token.getIndex() + 1, stretchEnd);
            catchUpReads.incrementAndGet();
            delivered = false;
            try (CatchUpCursor cursor = CatchUpCursor.open(storedEvents, token.getIndex(), stretchEnd,
                                                           CATCH_UP_FETCH)) {
                List<StoredEvent> batch = filledGaps(token);
                while (true) {
                    if (batch.isEmpty()) {
                        batch = withTokens(withoutExpiredGaps(token), cursor.next(batchSize));
                        if (batch.isEmpty()) {
                            break;
                        }
                    }
                    if (!sink.accept(batch)) {
                        return;
                    }
                    delivered = true;
                    token = (GapAwareTrackingToken) batch.get(batch.size() - 1).trackingToken();
                    batch = List.of();
                }
            }
            token = withoutExpiredGaps(token);
        }
    }

    /**
     * Where an ordered read of {@code length} positions from the token should end, or the
     * token's own index when batched lookups are enough: a stream more than
     * {@value #CATCH_UP_MIN_BATCHES} batches behind the head reads its next stretch with one
     * range query. A range of {@code _id} walks the index, on a real MongoDB as on the
     * launcher's in-process server ({@code OrderedIndexH2Backend}), so a stretch costs what it
     * holds, whatever the size of the store; a stretch is short because the in-process server
     * holds its whole answer in memory and its collection's writers wait while it gathers it.
     * (A stock in-process backend scans the collection for it: correct, and slower on a large
     * store.)
     */
    private long worthwhileStretchEnd(GapAwareTrackingToken token, long length) {
        long behind = positions.head() - token.getIndex();
        return behind > shortestStretch() ? token.getIndex() + Math.min(behind, length) : token.getIndex();
    }

    /** {@value #CATCH_UP_MIN_BATCHES} batches: below that, batched lookups are enough. */
    private long shortestStretch() {
        return (long) CATCH_UP_MIN_BATCHES * batchSize;
    }

    private List<StoredEvent> filledGaps(GapAwareTrackingToken token) {
        List<Long> gaps = new ArrayList<>(token.getGaps());
        if (gaps.isEmpty()) {
            return List.of();
        }
        List<RawBsonDocument> found = storedEvents.find(Filters.in("_id", gaps)).into(new ArrayList<>());
        missingPositions.update(gaps, found.stream().map(EventDocuments::positionOf).toList());
        return withTokens(token, found);
    }

    /**
     * The aggregate's snapshot. Appends that follow take positions above the snapshot's last
     * event, which the snapshot document records (older snapshots do not: then the next append
     * takes a fresh block of positions).
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        RawBsonDocument snapshot = snapshots.withDocumentClass(RawBsonDocument.class)
                                            .find(Filters.eq("_id", aggregateIdentifier)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        if (snapshot.containsKey(LAST_EVENT_POSITION)) {
            positions.coverUpTo(snapshot.getNumber(LAST_EVENT_POSITION).longValue());
        } else {
            positions.giveUpBlock();
        }
        return Stream.of(documents.fromStored(snapshot, null));
    }

    /**
     * The highest sequence number of an aggregate, found by probing stream keys: doubling until a
     * key is absent, then halving. About 2·log2(n) lookups by unique key.
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        if (!streamKeyExists(aggregateIdentifier, 0)) {
            return Optional.empty();
        }
        long present = 0;
        long absent = 1;
        while (streamKeyExists(aggregateIdentifier, absent)) {
            present = absent;
            absent = absent * 2;
        }
        while (absent - present > 1) {
            long middle = present + (absent - present) / 2;
            if (streamKeyExists(aggregateIdentifier, middle)) {
                present = middle;
            } else {
                absent = middle;
            }
        }
        return Optional.of(present);
    }

    /** How many ordered catch-up reads tracking streams opened so far. */
    long catchUpReads() {
        return catchUpReads.get();
    }

    /** The highest global position handed out so far; 0 for an empty store. */
    public long headPosition() {
        return positions.head();
    }

    /** The start of the store; {@code null} is Axon's convention for "from the very first event". */
    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    /**
     * The current end of the store: just after the last visible event among the latest positions.
     * Positions below it that are not yet visible are kept as gaps and those above it are simply
     * ahead, so a processor starting at the head misses none of the appends still under way.
     */
    @Override
    public TrackingToken createHeadToken() {
        return tokenUpTo(positions.head());
    }

    /**
     * A token at the last visible event at or below {@code limit}: positions below it that are
     * not visible yet are its gaps, those above it are ahead of it, so that an append still under
     * way is delivered when it shows up. It looks back one batch of positions at a time: the
     * positions at the top may all be reserved and never written (blocks given up when the load
     * fell), and a token above the last event would never be reached by a processor.
     */
    private TrackingToken tokenUpTo(long limit) {
        for (long to = limit; to >= 1; to -= batchSize) {
            long from = Math.max(1, to - batchSize + 1);
            List<Long> window = LongStream.rangeClosed(from, to).boxed().toList();
            TreeSet<Long> visible = new TreeSet<>();
            events.find(Filters.in("_id", window)).projection(new Document("_id", 1))
                  .forEach(document -> visible.add(document.getLong("_id")));
            if (!visible.isEmpty()) {
                long index = visible.last();
                List<Long> gaps = LongStream.range(from, index).filter(p -> !visible.contains(p)).boxed().toList();
                return GapAwareTrackingToken.newInstance(index, gaps);
            }
        }
        return null;
    }

    /**
     * A token just before the first event at or after the given instant. Positions grow with
     * time, so a binary search over positions by {@code _id} finds it; around a clock skew
     * between writers the answer can be off by the events written during the skew.
     *
     * <p>Positions handed out but not visible yet are kept, as for the head token: those below
     * the token's index are its gaps, those above it are ahead of it.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 1;
        long high = positions.head();
        long firstAtOrAfter = high + 1;
        while (low <= high) {
            long middle = low + (high - low) / 2;
            RawBsonDocument probe = firstVisibleFrom(middle, high);
            if (probe == null) {
                high = middle - 1;
            } else if (EventDocuments.timestampOf(probe).isBefore(dateTime)) {
                low = EventDocuments.positionOf(probe) + 1;
            } else {
                firstAtOrAfter = EventDocuments.positionOf(probe);
                high = middle - 1;
            }
        }
        return tokenUpTo(Math.min(firstAtOrAfter, positions.head() + 1) - 1);
    }

    private RawBsonDocument firstVisibleFrom(long position, long limit) {
        List<Long> window = LongStream.rangeClosed(position, Math.min(limit, position + 31)).boxed().toList();
        return storedEvents.find(Filters.in("_id", window))
                           .projection(new Document("_id", 1).append("timestamp", 1).append("nanos", 1))
                           .into(new ArrayList<>()).stream()
                           .min(Comparator.comparingLong(EventDocuments::positionOf))
                           .orElse(null);
    }

    /**
     * The next events for a processor: the token's gaps and the positions after its index, up
     * to the highest position handed out so far. When a whole batch of positions is invisible
     * (handed out to writers that have not finished or have failed), looks further up to the
     * head rather than stall.
     */
    List<StoredEvent> fetchTrackedEvents(GapAwareTrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = withoutExpiredGaps(lastToken);
        long head = positions.head();
        TreeSet<Long> gaps = new TreeSet<>(token.getGaps());
        long from = token.getIndex() + 1;
        while (true) {
            long to = Math.min(head, from + batchSize - 1);
            List<Long> wanted = new ArrayList<>(gaps);
            LongStream.rangeClosed(from, to).forEach(wanted::add);
            if (wanted.isEmpty()) {
                return List.of();
            }
            List<RawBsonDocument> found = storedEvents.find(Filters.in("_id", wanted)).into(new ArrayList<>());
            missingPositions.update(wanted, found.stream().map(EventDocuments::positionOf).toList());
            if (!found.isEmpty() || to >= head) {
                return withTokens(token, found);
            }
            gaps.clear();
            from = to + 1;
        }
    }

    private GapAwareTrackingToken withoutExpiredGaps(GapAwareTrackingToken token) {
        if (token == null) {
            return GapAwareTrackingToken.newInstance(0, List.of());
        }
        List<Long> liveGaps = token.getGaps().stream().filter(missingPositions::isStillAwaited).toList();
        if (liveGaps.size() == token.getGaps().size()) {
            return token;
        }
        long timedOut = token.getGaps().stream().filter(missingPositions::isFirstGivenUp).count();
        if (timedOut > 0) {
            // Mostly positions a writer reserved and never used, because it stopped (every
            // restart leaves some); a failed append has already been reported where it failed.
            logger.info("Giving up {} position(s) that stayed empty longer than the gap timeout, below [{}]",
                        timedOut, token.getIndex());
        }
        return GapAwareTrackingToken.newInstance(token.getIndex(), liveGaps);
    }

    /** The documents found as events in position order, each with the token that covers it. */
    private List<StoredEvent> withTokens(GapAwareTrackingToken start, List<RawBsonDocument> found) {
        List<Positioned> ordered = new ArrayList<>(found.size());
        boolean sorted = true;
        for (RawBsonDocument document : found) {
            Positioned positioned = new Positioned(EventDocuments.positionOf(document), document);
            sorted &= ordered.isEmpty() || ordered.get(ordered.size() - 1).position() < positioned.position();
            ordered.add(positioned);
        }
        if (!sorted) {
            ordered.sort(Comparator.comparingLong(Positioned::position));
        }
        List<StoredEvent> result = new ArrayList<>(ordered.size());
        GapAwareTrackingToken token = start;
        for (Positioned positioned : ordered) {
            token = token.advanceTo(positioned.position(), maxGapOffset);
            result.add(documents.fromStored(positioned.document(), token));
        }
        return result;
    }

    private AggregateBatch nextAggregateBatch(String aggregateIdentifier, AggregateBatch previous) {
        if (!previous.mayHaveMore()) {
            return AggregateBatch.END;
        }
        long from = previous.nextSequenceNumber();
        int size = previous.nextSize(batchSize);
        List<String> keys = LongStream.range(from, from + size)
                                      .mapToObj(sequence -> EventDocuments.streamKey(aggregateIdentifier, sequence))
                                      .toList();
        List<StoredEvent> found = new ArrayList<>(size);
        long highestPosition = 0;
        for (RawBsonDocument document : storedEvents.find(Filters.in(EventDocuments.STREAM_KEY, keys))) {
            highestPosition = Math.max(highestPosition, EventDocuments.positionOf(document));
            found.add(documents.fromStored(document, null));
        }
        positions.coverUpTo(highestPosition);
        found.sort(Comparator.comparingLong(StoredEvent::getSequenceNumber));
        return new AggregateBatch(from + found.size(), found.size() == size ? size : 0, found);
    }

    /** Whether the aggregate has an event at this sequence number: one lookup by unique key. */
    public boolean hasEventAt(String aggregateIdentifier, long sequenceNumber) {
        return streamKeyExists(aggregateIdentifier, sequenceNumber);
    }

    private boolean streamKeyExists(String aggregateIdentifier, long sequenceNumber) {
        return events.find(Filters.eq(EventDocuments.STREAM_KEY,
                                      EventDocuments.streamKey(aggregateIdentifier, sequenceNumber)))
                     .projection(new Document("_id", 1))
                     .first() != null;
    }

    private static int failedIndex(MongoException e) {
        if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            return bulk.getWriteErrors().get(0).getIndex();
        }
        return 0;
    }

    private void removeInserted(List<Document> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        List<Object> ids = inserted.stream().map(document -> document.get("_id")).toList();
        events.deleteMany(Filters.in("_id", ids));
        logger.warn("Append failed part-way; removed the [{}] event(s) it had inserted", ids.size());
    }

    static boolean isDuplicateKey(Exception e) {
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                       .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return e instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** Streams batch after batch, lazily, until a batch comes back empty. */
    private static <B extends Batch> Stream<Object> batches(B first, Function<B, B> next) {
        Spliterator<Object> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                                                                                Spliterator.ORDERED) {
            private B current = first;
            private int offset;

            @Override
            public boolean tryAdvance(Consumer<? super Object> action) {
                while (offset >= current.items().size()) {
                    B following = next.apply(current);
                    if (following.items().isEmpty()) {
                        return false;
                    }
                    current = following;
                    offset = 0;
                }
                action.accept(current.items().get(offset++));
                return true;
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    private interface Batch {
        List<StoredEvent> items();
    }

    /** The catch-up of one tracking stream, if it has one. */
    private static final class CatchUp {

        private CatchUpReader reader;
        private boolean considered;

        /** Whether to consider catching up now: on the stream's first batch only. */
        boolean mayStart() {
            boolean may = !considered;
            considered = true;
            return may;
        }

        void start(CatchUpReader started) {
            reader = started;
        }

        /** The next batch caught up, or an empty list when there is none (any more). */
        List<StoredEvent> next() {
            if (reader == null) {
                return List.of();
            }
            List<StoredEvent> batch = reader.next();
            if (batch.isEmpty()) {
                close();
            }
            return batch;
        }

        void close() {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }
    }

    private record Positioned(long position, RawBsonDocument document) {
    }

    private record TrackedBatch(GapAwareTrackingToken start, List<StoredEvent> items) implements Batch {

        GapAwareTrackingToken lastToken() {
            return items.isEmpty() ? start : (GapAwareTrackingToken) items.get(items.size() - 1).trackingToken();
        }
    }

    private record AggregateBatch(long nextSequenceNumber, int size, List<StoredEvent> items) implements Batch {

        static final AggregateBatch END = new AggregateBatch(0, 0, List.of());

        boolean mayHaveMore() {
            return size > 0;
        }

        int nextSize(int maximum) {
            return items.isEmpty() ? size : Math.min(maximum, size * 2);
        }
    }

    /** Builds a {@link MongoEventStorageEngine}; the database and the object mapper are required. */
    public static class Builder extends AbstractEventStorageEngine.Builder {

        private MongoDatabase database;
        private ObjectMapper objectMapper;
        private String eventCollection = "events";
        private String snapshotCollection = "snapshots";
        private String positionCollection = "event_positions";
        private int batchSize = 100;
        private int maxGapOffset = 10_000;
        private int readAhead = 2_000;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Converts the serializer's Jackson trees to BSON and back. */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.objectMapper = objectMapper;
            return this;
        }

        public Builder eventCollection(String eventCollection) {
            this.eventCollection = eventCollection;
            return this;
        }

        public Builder snapshotCollection(String snapshotCollection) {
            this.snapshotCollection = snapshotCollection;
            return this;
        }

        public Builder positionCollection(String positionCollection) {
            this.positionCollection = positionCollection;
            return this;
        }

        /** How many events a processor fetches at once. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * How many events a stream far behind the head reads ahead of its consumer, at most. More
         * than a processor takes at once: otherwise it waits for the reader at every batch.
         */
        public Builder readAhead(int readAhead) {
            this.readAhead = readAhead;
            return this;
        }

        /** How far below a token's index a gap is still awaited, in positions. */
        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** How long a handed-out position may stay empty before processors give it up. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        /** A Jackson serializer reads stored events without trees ({@link StoredEventSerializer}). */
        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer instanceof JacksonSerializer jackson
                                          ? new StoredEventSerializer(jackson) : eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        public MongoEventStorageEngine build() {
            persistenceExceptionResolver(MongoEventStorageEngine::isDuplicateKey);
            validate();
            return new MongoEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null || objectMapper == null) {
                throw new AxonConfigurationException("The event store needs a MongoDatabase and an ObjectMapper");
            }
            if (batchSize < 1 || maxGapOffset < 1 || readAhead < 1 || gapTimeout.isNegative()) {
                throw new AxonConfigurationException("Batch size, gap offset and read-ahead must be positive");
            }
        }
    }
}
