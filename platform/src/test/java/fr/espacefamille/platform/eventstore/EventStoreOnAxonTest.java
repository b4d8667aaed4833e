package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fr.espacefamille.platform.axon.CachedCommandTargets;
import fr.espacefamille.platform.testapp.AddToTallyCommand;
import fr.espacefamille.platform.testapp.TallyApplication;
import fr.espacefamille.platform.testapp.TallyIncreasedEvent;
import fr.espacefamille.platform.testapp.TallyProjection;
import fr.espacefamille.platform.testing.InMemoryMongo;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static fr.espacefamille.platform.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store under Axon's command gateway and tracking processors, as the sides use it:
 * concurrent appends, late commits, lost positions and restarts.
 */
class EventStoreOnAxonTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final MongoClient client = MongoClients.create(mongo.uri());

    private final String databaseName = "axon-" + System.nanoTime();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stopApplications() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @Test
    void aggregatesFindTheirCommandsTargetsThroughTheCachedResolver() {
        ConfigurableApplicationContext app = start();

        assertThat(app.getBean(org.axonframework.config.Configuration.class)
                      .getComponent(CommandTargetResolver.class)).isInstanceOf(CachedCommandTargets.class);
        app.getBean(CommandGateway.class).sendAndWait(new AddToTallyCommand("targeted", 2));
        assertThat(database().getCollection("events").countDocuments(Filters.eq("aggregateIdentifier", "targeted")))
                .isEqualTo(1);
    }

    @Test
    void sixteenCallersAppendingToOneAggregateLoseNothing() {
        ConfigurableApplicationContext app = start();
        CommandGateway gateway = app.getBean(CommandGateway.class);
        ExecutorService callers = Executors.newFixedThreadPool(16);

        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int caller = 0; caller < 16; caller++) {
            calls.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 25; i++) {
                    gateway.sendAndWait(new AddToTallyCommand("shared", 1));
                }
            }, callers));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        callers.shutdown();

        List<Document> stored = database().getCollection("events")
                .find(Filters.eq("aggregateIdentifier", "shared")).into(new ArrayList<>());
        assertThat(stored).hasSize(400);
        assertThat(stored).extracting(document -> document.getLong("sequenceNumber"))
                          .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 400).boxed().toList());
        assertThat(stored).extracting(document -> ((Number) document.get("payload", Document.class).get("total"))
                                  .longValue())
                          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
    }

    @Test
    void anEventCommittedAfterALaterOneStillReachesTheRunningProjection() {
        ConfigurableApplicationContext app = start();
        TallyProjection projection = app.getBean(TallyProjection.class);
        long slowPosition = reservePosition();

        app.getBean(CommandGateway.class).sendAndWait(new AddToTallyCommand("fast", 2));
        await(() -> projection.deliveries().size() == 1);
        insertAt(app, slowPosition, new TallyIncreasedEvent("slow", 1, 1));
        await(() -> projection.deliveries().size() == 2);

        assertThat(projection.deliveries()).extracting(TallyIncreasedEvent::tallyId).containsExactly("fast", "slow");
        await(() -> projection.views().countDocuments() == 2);
        await(() -> trackedToken(app).getGaps().isEmpty());
    }

    @Test
    void aPositionThatNeverFillsIsPassedAfterTheGapTimeout() {
        ConfigurableApplicationContext app = start("--espace-famille.event-store.gap-timeout=1s");
        CommandGateway gateway = app.getBean(CommandGateway.class);
        TallyProjection projection = app.getBean(TallyProjection.class);
        long lostPosition = reservePosition();

        gateway.sendAndWait(new AddToTallyCommand("after-lost", 1));
        await(() -> projection.deliveries().size() == 1);
        await(() -> trackedToken(app).getGaps().contains(lostPosition));

        await(() -> {
            gateway.sendAndWait(new AddToTallyCommand("after-lost", 1));
            return !trackedToken(app).getGaps().contains(lostPosition);
        });
        // The last delivery may still be on its way to the view: wait for the view to catch up.
        await(() -> projection.views().find(Filters.eq("_id", "after-lost")).first().getLong("total")
                == projection.deliveries().size());
    }

    @Test
    void aRestartedProjectionResumesFromItsTokenWithoutMissingOrRepeatingAnEvent() {
        // Small batches: the stop waits for the batch under way, which could otherwise hold
        // every event still to come, and the projection would be done before it stopped.
        ConfigurableApplicationContext first = start("--espace-famille.event-store.processor-batch-size=10");
        CommandGateway gateway = first.getBean(CommandGateway.class);
        TallyProjection slowProjection = first.getBean(TallyProjection.class);
        slowProjection.slowDown(10);
        for (int i = 0; i < 600; i++) {
            gateway.sendAndWait(new AddToTallyCommand("tally-" + (i % 20), 1));
        }
        await(() -> slowProjection.deliveries().size() > 150);
        first.close();
        int deliveredBeforeRestart = slowProjection.deliveries().size();
        assertThat(deliveredBeforeRestart).isLessThan(600);

        ConfigurableApplicationContext second = start("--espace-famille.event-store.processor-batch-size=10");
        TallyProjection projection = second.getBean(TallyProjection.class);
        await(() -> projection.views().countDocuments() == 20
                && projection.views().find().into(new ArrayList<>()).stream()
                             .allMatch(view -> view.getLong("total") == 30));

        assertThat(deliveredBeforeRestart + projection.deliveries().size())
                .as("each event is delivered once, or once more if its batch was cut by the stop")
                .isBetween(600, 600 + 10);
        for (Document view : projection.views().find()) {
            assertThat(view.getList("applied", Long.class))
                    .as("applied sequence numbers of %s", view.get("_id"))
                    .containsExactlyElementsOf(LongStream.range(0, 30).boxed().toList());
        }
    }

    private ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "--spring.data.mongodb.uri=" + mongo.uri(),
                "--spring.data.mongodb.database=" + databaseName,
                "--espace-famille.event-store.fetch-delay=20ms"));
        all.addAll(List.of(properties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TallyApplication.class)
                .web(WebApplicationType.NONE)
                .run(all.toArray(String[]::new));
        running.add(context);
        return context;
    }

    private MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    private long reservePosition() {
        return new GlobalPositions(database().getCollection("event_positions"), "events").allocate(1);
    }

    /** Inserts an event at a position reserved earlier, as a slow writer would commit it. */
    private void insertAt(ConfigurableApplicationContext app, long position, TallyIncreasedEvent payload) {
        EventDocuments documents = new EventDocuments(app.getBean(ObjectMapper.class));
        Serializer serializer = app.getBean("eventSerializer", Serializer.class);
        GenericDomainEventMessage<TallyIncreasedEvent> event =
                new GenericDomainEventMessage<>("Tally", payload.tallyId(), 0, payload);
        database().getCollection("events").insertOne(documents.toDocument(event, serializer, position));
    }

    private static GapAwareTrackingToken trackedToken(ConfigurableApplicationContext app) {
        TrackingEventProcessor processor = app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(TallyProjection.GROUP, TrackingEventProcessor.class).orElseThrow();
        EventTrackerStatus status = processor.processingStatus().get(0);
        TrackingToken token = WrappedToken.unwrapLowerBound(status.getTrackingToken());
        return token == null ? GapAwareTrackingToken.newInstance(0, List.of()) : (GapAwareTrackingToken) token;
    }
}
