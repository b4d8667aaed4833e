package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fr.espacefamille.platform.testing.InMemoryMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MongoDB event storage engine on its own: appends, streams, snapshots and gap-aware tracking. */
class MongoEventStorageEngineTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final MongoClient client = MongoClients.create(mongo.uri());

    private final ObjectMapper objectMapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T06:00:00Z"));
    private MongoDatabase database;
    private MongoEventStorageEngine engine;

    @BeforeEach
    void freshStore() {
        database = client.getDatabase("engine-" + System.nanoTime());
        engine = engine(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @Test
    void storesEventsAsReadableDocumentsWithTypeAndRevision() {
        engine.appendEvents(event("D-1", 0, new Registered("D-1", "LEFÈVRE", LocalDate.of(2019, 3, 4))));

        Document stored = database.getCollection("events").find().first();
        assertThat(stored.getLong("_id")).isEqualTo(1L);
        assertThat(stored.getString("streamKey")).isEqualTo("D-1#0");
        assertThat(stored.getString("payloadType")).isEqualTo(Registered.class.getName());
        assertThat(stored.get("payload", Document.class))
                .containsEntry("name", "LEFÈVRE")
                .containsEntry("birthDate", "2019-03-04");
        assertThat(stored.get("metaData", Document.class)).containsEntry("traceId", "t-1");
    }

    @Test
    void aPayloadOfEveryJsonShapeReadsBackTheSameWithOrWithoutATree() {
        Shapes shapes = new Shapes("Lefèvre", 7, 12_345_678_901L, 2.5, new BigDecimal("19.5"), true, null,
                                   LocalDate.of(2027, 1, 11), Instant.parse("2026-09-01T06:00:00.5Z"),
                                   List.of("RESTAURATION", "TAP"),
                                   Map.of("band", Map.of("max", 600, "nested", List.of(1, 2))),
                                   Shapes.Kind.PREPAID, List.of(new Counted(3), new Counted(4)));
        MetaData metaData = MetaData.with("traceId", "t-7").and("attempt", 2).and("origin", Map.of("ip", "10.0.0.1"));
        engine.appendEvents(new GenericDomainEventMessage<>("Test", "S-1", 0, shapes, metaData));

        DomainEventMessage<?> read = engine.readEvents("S-1", 0).next();
        assertThat(read.getPayload()).isEqualTo(shapes);
        assertThat(read.getMetaData()).isEqualTo(metaData);
        TrackedEventMessage<?> tracked = engine.readEvents(null, false).findFirst().orElseThrow();
        assertThat(tracked.getPayload()).isEqualTo(shapes);
        assertThat(tracked.getMetaData()).isEqualTo(metaData);

        StoredEvent stored = (StoredEvent) engine.readEventData(null, false).findFirst().orElseThrow();
        assertThat(engine.getEventSerializer()).isInstanceOf(StoredEventSerializer.class);
        assertThat((Object) serializer.deserialize(stored.getPayload())).isEqualTo(shapes);
        assertThat((Object) engine.getEventSerializer().deserialize(stored.getPayload())).isEqualTo(shapes);
        assertThat((Object) serializer.deserialize(stored.getMetaData())).isEqualTo(metaData);
        assertThat((Object) engine.getEventSerializer().deserialize(stored.getMetaData())).isEqualTo(metaData);
    }

    @Test
    void anObjectIsStoredAsTheDriverEncodesTheMapsAndListsJacksonReadsFromIt() throws Exception {
        Shapes shapes = new Shapes("Lefèvre", 7, 12_345_678_901L, 2.5, new BigDecimal("19.5"), true, null,
                                   LocalDate.of(2027, 1, 11), Instant.parse("2026-09-01T06:00:00.5Z"),
                                   List.of("RESTAURATION", "TAP"),
                                   Map.of("band", Map.of("max", 600, "nested", List.of(1, 2.75, List.of()))),
                                   Shapes.Kind.PREPAID, List.of(new Counted(3), new Counted(4)));
        Widths widths = new Widths((short) 12, (byte) 3, 0.1f, Long.MIN_VALUE, Double.NaN, new BigDecimal("-1E+40"));
        engine.appendEvents(new GenericDomainEventMessage<>("Test", "S-1", 0, shapes,
                                                            MetaData.with("traceId", "t-8").and("attempt", 3)),
                            new GenericDomainEventMessage<>("Test", "S-1", 1, widths));

        List<BsonDocument> stored = database.getCollection("events", BsonDocument.class).find()
                                            .into(new ArrayList<>());
        assertThat(stored.get(0).getDocument("payload")).isEqualTo(asTheDriverEncodes(shapes));
        assertThat(stored.get(0).getDocument("metaData"))
                .isEqualTo(asTheDriverEncodes(MetaData.with("traceId", "t-8").and("attempt", 3)));
        assertThat(stored.get(1).getDocument("payload")).isEqualTo(asTheDriverEncodes(widths))
                .containsEntry("small", new BsonInt32(12))
                .containsEntry("big", new BsonInt64(Long.MIN_VALUE))
                .containsEntry("huge", new BsonDecimal128(new Decimal128(new BigDecimal("-1E+40"))));
        assertThat(engine.readEvents("S-1", 0).asStream().<Object>map(DomainEventMessage::getPayload).toList())
                .containsExactly(shapes, widths);
    }

    /** The old way of storing a payload: Jackson's maps and lists, as the driver encodes them. */
    private BsonDocument asTheDriverEncodes(Object value) throws IOException {
        try (TokenBuffer buffer = new TokenBuffer(objectMapper, false)) {
            objectMapper.writeValue(buffer, value);
            Object asMaps = objectMapper.readValue(buffer.asParser(), Object.class);
            return new Document("value", asMaps)
                    .toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry())
                    .getDocument("value");
        }
    }

    @Test
    void keepsTheTimestampToTheNanosecond() {
        Instant published = Instant.parse("2026-09-01T06:00:00.123456789Z");
        engine.appendEvents(new GenericDomainEventMessage<>("Test", "D-9", 0, new Counted(1), MetaData.emptyInstance(),
                                                            "event-9", published));

        assertThat(engine.readEvents("D-9", 0).next().getTimestamp()).isEqualTo(published);
        assertThat(engine.readEvents(null, false).findFirst().orElseThrow().getTimestamp()).isEqualTo(published);
    }

    @Test
    void readsAnAggregateStreamBackInOrderAcrossBatches() {
        List<DomainEventMessage<?>> events = IntStream.range(0, 130)
                .<DomainEventMessage<?>>mapToObj(sequence -> event("D-2", sequence, new Counted(sequence)))
                .toList();
        engine.appendEvents(events);

        DomainEventStream stream = engine.readEvents("D-2", 0);
        List<Long> sequences = new ArrayList<>();
        stream.forEachRemaining(message -> sequences.add(message.getSequenceNumber()));

        assertThat(sequences).containsExactlyElementsOf(IntStream.range(0, 130).mapToObj(i -> (long) i).toList());
        assertThat(engine.readEvents("D-2", 128).asStream().count()).isEqualTo(2);
        assertThat(engine.readEvents("unknown", 0).asStream()).isEmpty();
    }

    @Test
    void findsTheLastSequenceNumberOfAnAggregate() {
        engine.appendEvents(IntStream.range(0, 37)
                                     .<DomainEventMessage<?>>mapToObj(i -> event("D-3", i, new Counted(i)))
                                     .toList());

        assertThat(engine.lastSequenceNumberFor("D-3")).contains(36L);
        assertThat(engine.lastSequenceNumberFor("none")).isEmpty();
    }

    @Test
    void refusesASecondEventAtTheSameSequenceNumberAndKeepsTheFirst() {
        engine.appendEvents(event("D-4", 0, new Counted(1)), event("D-4", 1, new Counted(2)));

        assertThatThrownBy(() -> engine.appendEvents(event("D-4", 1, new Counted(99))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("D-4", 0, new Counted(99))))
                .isInstanceOf(AggregateStreamCreationException.class);

        List<Object> payloads = engine.readEvents("D-4", 0).asStream().map(m -> (Object) m.getPayload()).toList();
        assertThat(payloads).containsExactly(new Counted(1), new Counted(2));
    }

    @Test
    void sixteenWritersRacingForOneSequenceNumberLeaveExactlyOneEvent() throws Exception {
        engine.appendEvents(event("D-5", 0, new Counted(0)));
        ExecutorService writers = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int writer = 0; writer < 16; writer++) {
            int amount = writer;
            attempts.add(writers.submit(() -> {
                start.await();
                try {
                    engine.appendEvents(event("D-5", 1, new Counted(amount)));
                    return true;
                } catch (ConcurrencyException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> attempt : attempts) {
            winners += attempt.get() ? 1 : 0;
        }
        writers.shutdown();

        assertThat(winners).isEqualTo(1);
        assertThat(database.getCollection("events").countDocuments(Filters.eq("aggregateIdentifier", "D-5")))
                .isEqualTo(2);
    }

    @Test
    void sixteenWritersAppendingToTheirOwnAggregatesEachGetTheirOwnPositions() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> appends = new ArrayList<>();
        for (int writer = 0; writer < 16; writer++) {
            String aggregate = "D-W" + writer;
            appends.add(writers.submit(() -> {
                start.await();
                for (int sequence = 0; sequence < 50; sequence++) {
                    engine.appendEvents(event(aggregate, sequence, new Counted(sequence)));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> append : appends) {
            append.get();
        }
        writers.shutdown();

        List<Long> positions = new ArrayList<>();
        database.getCollection("events").find().forEach(document -> positions.add(document.getLong("_id")));
        assertThat(positions).hasSize(800).doesNotHaveDuplicates();
        assertThat(engine.headPosition()).isGreaterThanOrEqualTo(800);
    }

    @Test
    void consecutiveAppendsShareBlocksOfPositionsFromTheCounter() {
        for (int sequence = 0; sequence < 10; sequence++) {
            engine.appendEvents(event("D-B", sequence, new Counted(sequence)));
        }

        List<Long> positions = new ArrayList<>();
        database.getCollection("events").find().forEach(document -> positions.add(document.getLong("_id")));
        assertThat(positions).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        assertThat(engine.headPosition()).as("blocks of 2, 4 and 8 positions").isEqualTo(14);
    }

    @Test
    void anAggregateWrittenByAnotherWriterGetsItsNextEventAboveTheLastOne() {
        MongoEventStorageEngine otherNode = engine(Duration.ofSeconds(60));
        engine.appendEvents(event("D-Y", 0, new Counted(0)));
        otherNode.appendEvents(event("D-X", 0, new Counted(0)));
        long lastOfX = positionOfStreamKey("D-X#0");

        engine.readEvents("D-X").asStream().count();
        engine.appendEvents(event("D-X", 1, new Counted(1)));

        assertThat(positionOfStreamKey("D-X#1")).isGreaterThan(lastOfX);
    }

    @Test
    void anAggregateLoadedFromASnapshotGetsItsNextEventAboveTheSnapshotsLastEvent() {
        MongoEventStorageEngine otherNode = engine(Duration.ofSeconds(60));
        engine.appendEvents(event("D-Y", 0, new Counted(0)));
        otherNode.appendEvents(event("D-S", 0, new Counted(0)));
        otherNode.storeSnapshot(event("D-S", 0, new Counted(0)));
        long lastOfS = positionOfStreamKey("D-S#0");

        assertThat(engine.readSnapshot("D-S")).isPresent();
        engine.appendEvents(event("D-S", 1, new Counted(1)));

        assertThat(positionOfStreamKey("D-S#1")).isGreaterThan(lastOfS);
    }

    @Test
    void positionsGivenUpByTheirWriterAreNotAwaitedAsGaps() {
        engine.appendEvents(event("D-Y", 0, new Counted(0)));
        engine.storeSnapshot(event("D-L", 0, new Counted(9)));
        database.getCollection("snapshots").updateOne(Filters.eq("_id", "D-L"),
                                                       new Document("$unset", new Document("lastEventPosition", 1)));
        assertThat(engine.readSnapshot("D-L")).as("a snapshot from before positions were recorded").isPresent();
        engine.appendEvents(event("D-Z", 0, new Counted(1)));
        TrackingToken withGap = tracked(null).get(1).trackingToken();
        engine.appendEvents(event("D-Z", 1, new Counted(2)));

        List<TrackedEventMessage<?>> next = tracked(withGap);

        assertThat(((GapAwareTrackingToken) withGap).getGaps()).as("the position given up").hasSize(1);
        assertThat(payloads(next)).containsExactly(new Counted(2));
        assertThat(((GapAwareTrackingToken) next.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void aFailedAppendToSeveralAggregatesLeavesNoneOfItsEvents() {
        engine.appendEvents(event("D-6", 0, new Counted(0)));

        assertThatThrownBy(() -> engine.appendEvents(event("D-7", 0, new Counted(7)),
                                                     event("D-6", 0, new Counted(6))))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(engine.readEvents("D-7", 0).asStream()).isEmpty();
        assertThat(database.getCollection("events").countDocuments()).isEqualTo(1);
    }

    @Test
    void keepsTheLatestSnapshotOfAnAggregate() {
        engine.storeSnapshot(event("D-8", 9, new Counted(9)));
        engine.storeSnapshot(event("D-8", 19, new Counted(19)));

        assertThat(engine.readSnapshot("D-8")).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.getSequenceNumber()).isEqualTo(19);
            assertThat(snapshot.getPayload()).isEqualTo(new Counted(19));
        });
        assertThat(engine.readSnapshot("none")).isEmpty();
    }

    @Test
    void tracksEventsInPositionOrderWithTokensThatCoverThem() {
        engine.appendEvents(event("A", 0, new Counted(0)), event("B", 0, new Counted(1)));
        engine.appendEvents(GenericEventMessage.asEventMessage(new Counted(2)));

        List<TrackedEventMessage<?>> tracked = tracked(null);

        assertThat(payloads(tracked))
                           .containsExactly(new Counted(0), new Counted(1), new Counted(2));
        assertThat(positionOf(tracked.get(2).trackingToken())).isEqualTo(3);
        assertThat(engine.readEvents(tracked.get(1).trackingToken(), false).toList()).hasSize(1);
    }

    @Test
    void aStreamFarBehindCatchesUpInPositionOrderAndStillAwaitsItsGaps() {
        List<Counted> appended = new ArrayList<>();
        long late = 0;
        for (int i = 0; i < 2_500; i++) {
            if (i == 1_200) {
                late = reservePosition();
            }
            engine.appendEvents(event("C-" + (i % 25), i / 25, new Counted(i)));
            appended.add(new Counted(i));
        }

        List<TrackedEventMessage<?>> caughtUp = tracked(null);
        insertAt(late, event("C-late", 0, new Counted(-1)));
        List<TrackedEventMessage<?>> after = tracked(caughtUp.get(caughtUp.size() - 1).trackingToken());

        assertThat(engine.catchUpReads()).as("a short first stretch, then one for the rest").isEqualTo(2);
        assertThat(payloads(caughtUp)).containsExactlyElementsOf(appended);
        assertThat(caughtUp).extracting(message -> positionOf(message.trackingToken())).isSorted();
        assertThat(payloads(after)).containsExactly(new Counted(-1));
    }

    @Test
    void aStreamFarBehindALargeStoreReadsItInStretchesAndOneNearTheHeadInBatches() {
        List<Counted> appended = new ArrayList<>();
        for (int call = 0; call < 50; call++) {
            List<EventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int value = call * 500 + i;
                events.add(event("S-" + value, 0, new Counted(value)));
                appended.add(new Counted(value));
            }
            engine.appendEvents(events);
        }

        List<TrackedEventMessage<?>> all = tracked(null);
        long stretches = engine.catchUpReads();
        List<TrackedEventMessage<?>> lastFew = tracked(all.get(all.size() - 800).trackingToken());

        assertThat(payloads(all)).containsExactlyElementsOf(appended);
        assertThat(all).extracting(message -> positionOf(message.trackingToken())).isSorted();
        assertThat(stretches).as("25,000 positions: 1,100, 2,200, 4,400, 8,800, then the 8,500 left").isEqualTo(5);
        assertThat(payloads(lastFew)).containsExactlyElementsOf(appended.subList(appended.size() - 799,
                                                                                 appended.size()));
        assertThat(engine.catchUpReads()).as("799 behind: batches, no stretch").isEqualTo(5);
    }

    @Test
    void closingAStreamWhileItCatchesUpStopsItsReader() throws Exception {
        for (int call = 0; call < 6; call++) {
            List<EventMessage<?>> events = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                events.add(event("R-" + call + "-" + i, 0, new Counted(call * 500L + i)));
            }
            engine.appendEvents(events);
        }
        Set<Thread> before = catchUpReaders();

        Set<Thread> started;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            for (int i = 0; i < 150; i++) {
                assertThat(events.next().getPayload()).isEqualTo(new Counted(i));
            }
            started = catchUpReaders();
            started.removeAll(before);
        }

        assertThat(started).as("a reader read ahead").hasSize(1);
        Thread reader = started.iterator().next();
        reader.join(5_000);
        assertThat(reader.isAlive()).as("the reader stopped with its stream").isFalse();
    }

    private static Set<Thread> catchUpReaders() {
        return Thread.getAllStackTraces().keySet().stream()
                     .filter(thread -> thread.getName().startsWith("event-store-catch-up-"))
                     .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }

    @Test
    void aStreamFarBehindDeliversTheGapsOfItsTokenFirst() {
        long slow = reservePosition();
        for (int i = 0; i < 2_000; i++) {
            engine.appendEvents(event("G-" + (i % 10), i / 10, new Counted(i)));
        }
        TrackingToken withGap = tracked(null).get(0).trackingToken();
        insertAt(slow, event("G-slow", 0, new Counted(-1)));

        List<TrackedEventMessage<?>> rest = tracked(withGap);

        assertThat(engine.catchUpReads()).isEqualTo(2);
        assertThat(rest).hasSize(2_000);
        assertThat(rest.get(0).getPayload()).isEqualTo(new Counted(-1));
        assertThat(rest.get(1).getPayload()).isEqualTo(new Counted(1));
    }

    @Test
    void deliversAnEventThatBecomesVisibleAfterALaterOne() {
        long slowPosition = reservePosition();
        engine.appendEvents(event("fast", 0, new Counted(2)));

        List<TrackedEventMessage<?>> first = tracked(null);
        assertThat(payloads(first)).containsExactly(new Counted(2));
        GapAwareTrackingToken afterFast = (GapAwareTrackingToken) first.get(0).trackingToken();
        assertThat(afterFast.getGaps()).containsExactly(slowPosition);

        insertAt(slowPosition, event("slow", 0, new Counted(1)));
        List<TrackedEventMessage<?>> second = tracked(afterFast);

        assertThat(payloads(second)).containsExactly(new Counted(1));
        assertThat(((GapAwareTrackingToken) second.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void givesUpAGapThatStaysEmptyLongerThanTheTimeout() {
        long lostPosition = reservePosition();
        engine.appendEvents(event("after", 0, new Counted(1)));
        TrackingToken afterFirst = tracked(null).get(0).trackingToken();
        engine.appendEvents(event("after", 1, new Counted(2)));

        clock.advance(Duration.ofSeconds(59));
        GapAwareTrackingToken stillWaiting = (GapAwareTrackingToken) tracked(afterFirst).get(0).trackingToken();
        assertThat(stillWaiting.getGaps()).containsExactly(lostPosition);

        clock.advance(Duration.ofSeconds(2));
        GapAwareTrackingToken givenUp = (GapAwareTrackingToken) tracked(afterFirst).get(0).trackingToken();
        assertThat(givenUp.getGaps()).isEmpty();
    }

    @Test
    void looksPastABatchOfPositionsThatNeverFilled() {
        for (int i = 0; i < 250; i++) {
            reservePosition();
        }
        engine.appendEvents(event("beyond", 0, new Counted(1)));

        List<TrackedEventMessage<?>> tracked = tracked(null);

        assertThat(payloads(tracked)).containsExactly(new Counted(1));
        assertThat(positionOf(tracked.get(0).trackingToken())).isEqualTo(251);
    }

    @Test
    void startsAHeadTokenBelowPositionsThatAreStillBeingWritten() {
        engine.appendEvents(event("H", 0, new Counted(0)));
        long inFlight = reservePosition();

        GapAwareTrackingToken head = (GapAwareTrackingToken) engine.createHeadToken();
        insertAt(inFlight, event("I", 0, new Counted(1)));

        assertThat(head.getIndex()).isEqualTo(positionOfStreamKey("H#0")).isLessThan(inFlight);
        assertThat(payloads(tracked(head))).containsExactly(new Counted(1));
    }

    @Test
    void aHeadTokenStandsAtTheLastEventBelowMoreThanABatchOfPositionsNeverWritten() {
        engine.appendEvents(event("L", 0, new Counted(1)));
        for (int i = 0; i < 250; i++) {
            reservePosition();
        }

        GapAwareTrackingToken head = (GapAwareTrackingToken) engine.createHeadToken();

        assertThat(head.getIndex()).as("a processor reaches it").isEqualTo(positionOfStreamKey("L#0"));
        assertThat(head.getGaps()).isEmpty();
    }

    @Test
    void createsATokenJustBeforeTheFirstEventAtAnInstant() {
        Instant nine = Instant.parse("2026-09-01T09:00:00Z");
        for (int hour = 7; hour <= 11; hour++) {
            Instant at = Instant.parse("2026-09-01T%02d:00:00Z".formatted(hour));
            engine.appendEvents(new GenericDomainEventMessage<>("T", "T-1", hour - 7, new Counted(hour),
                                                                MetaData.emptyInstance(), "e-" + hour, at));
        }

        TrackingToken token = engine.createTokenAt(nine);

        assertThat(payloads(tracked(token)))
                .containsExactly(new Counted(9), new Counted(10), new Counted(11));
    }

    @Test
    void aTokenAtAnInstantKeepsTheAppendsStillUnderWay() {
        engine.appendEvents(new GenericDomainEventMessage<>("T", "T-1", 0, new Counted(7), MetaData.emptyInstance(),
                                                            "e-7", Instant.parse("2026-09-01T07:00:00Z")));
        long inFlight = reservePosition();

        TrackingToken beforeItShowsUp = engine.createTokenAt(Instant.parse("2026-09-01T08:00:00Z"));
        insertAt(inFlight, event("I", 0, new Counted(8)));

        assertThat(payloads(tracked(beforeItShowsUp))).containsExactly(new Counted(8));
    }

    @Test
    void aTokenAtAnInstantKeepsAnEarlierPositionStillUnderWayAsAGap() {
        long inFlight = reservePosition();
        engine.appendEvents(new GenericDomainEventMessage<>("T", "T-1", 0, new Counted(9), MetaData.emptyInstance(),
                                                            "e-9", Instant.parse("2026-09-01T09:00:00Z")));

        TrackingToken token = engine.createTokenAt(Instant.parse("2026-09-01T09:00:00Z"));
        insertAt(inFlight, event("I", 0, new Counted(8)));

        assertThat(payloads(tracked(token))).containsExactlyInAnyOrder(new Counted(8), new Counted(9));
    }

    private MongoEventStorageEngine engine(Duration gapTimeout) {
        MongoEventStorageEngine created = MongoEventStorageEngine.builder()
                .database(database)
                .objectMapper(objectMapper)
                .gapTimeout(gapTimeout)
                .clock(clock)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .build();
        created.ensureIndexes();
        return created;
    }

    /** Takes a position the way a writer does before its insert, without inserting yet. */
    private long reservePosition() {
        return new GlobalPositions(database.getCollection("event_positions"), "events").allocate(1);
    }

    private long positionOfStreamKey(String streamKey) {
        return database.getCollection("events").find(Filters.eq("streamKey", streamKey)).first().getLong("_id");
    }

    private void insertAt(long position, DomainEventMessage<?> event) {
        database.getCollection("events")
                .insertOne(new EventDocuments(objectMapper).toDocument(event, serializer, position));
    }

    private List<TrackedEventMessage<?>> tracked(TrackingToken from) {
        return engine.readEvents(from, false).collect(java.util.stream.Collectors.toList());
    }

    private static List<Object> payloads(List<TrackedEventMessage<?>> messages) {
        return messages.stream().map(message -> (Object) message.getPayload()).toList();
    }

    private static long positionOf(TrackingToken token) {
        return token.position().orElseThrow();
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, payload, Map.of("traceId", "t-1"));
    }

    record Registered(String dossier, String name, LocalDate birthDate) {
    }

    record Counted(long value) {
    }

    record Widths(short small, byte tiny, float ratio, long big, double notANumber, BigDecimal huge) {
    }

    record Shapes(String name, int count, long big, double ratio, BigDecimal price, boolean paid, String absent,
                  LocalDate day, Instant at, List<String> services, Map<String, Object> tree, Kind kind,
                  List<Counted> counts) {

        enum Kind { PREPAID, MONTHLY_INVOICE }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
