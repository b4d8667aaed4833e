package fr.espacefamille.platform.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.espacefamille.platform.testapp.AddToTallyCommand;
import fr.espacefamille.platform.testapp.TallyApplication;
import fr.espacefamille.platform.testapp.TallyIncreasedEvent;
import fr.espacefamille.platform.testapp.TallyNotifier;
import fr.espacefamille.platform.testapp.TallyProjection;
import fr.espacefamille.platform.testing.InMemoryMongo;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.espacefamille.platform.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Side-effect groups: one event at a time, nothing from before they first ran, each effect once. */
class SideEffectsTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final MongoClient client = MongoClients.create(mongo.uri());

    private final String databaseName = "effects-" + System.nanoTime();
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
    void aSideEffectGroupHandlesOneEventPerUnitOfWork() {
        ConfigurableApplicationContext app = start();
        CommandGateway gateway = app.getBean(CommandGateway.class);

        for (int i = 0; i < 30; i++) {
            gateway.sendAndWait(new AddToTallyCommand("t-" + (i % 3), 1));
        }

        TallyNotifier notifier = app.getBean(TallyNotifier.class);
        await(() -> notifier.notified().size() == 30);
        assertThat(notifier.largestBatch()).isEqualTo(1);
    }

    @Test
    void aSideEffectGroupWhoseTokenWasLostDoesNotActOnThePastAgain() throws InterruptedException {
        ConfigurableApplicationContext first = start();
        first.getBean(CommandGateway.class).sendAndWait(new AddToTallyCommand("before", 1));
        await(() -> first.getBean(TallyNotifier.class).notified().size() == 1);
        first.close();
        client.getDatabase(databaseName).getCollection("tracking_tokens").deleteMany(
                new org.bson.Document("processorName", TallyNotifier.GROUP));
        Thread.sleep(5);

        ConfigurableApplicationContext second = start();
        second.getBean(CommandGateway.class).sendAndWait(new AddToTallyCommand("after", 1));

        TallyProjection projection = second.getBean(TallyProjection.class);
        TallyNotifier notifier = second.getBean(TallyNotifier.class);
        await(() -> !notifier.notified().isEmpty() && projection.views().countDocuments() == 2);
        assertThat(notifier.notified()).extracting(TallyIncreasedEvent::tallyId).containsExactly("after");
    }

    @Test
    void aFailingEffectIsParkedWithTheRestOfItsSequenceAndCarriedOutWhenRetried() {
        ConfigurableApplicationContext app = start();
        CommandGateway gateway = app.getBean(CommandGateway.class);
        TallyNotifier notifier = app.getBean(TallyNotifier.class);
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        notifier.failFor("refused");

        addTwiceThenOnce(gateway, "refused", "accepted");

        await(() -> notifier.notified().size() == 1);
        await(() -> parkedSequences(processing) == 1);
        notifier.failFor(null);
        await(() -> {
            processing.sequencedDeadLetterProcessor(TallyNotifier.GROUP).orElseThrow().processAny();
            return notifier.notified().size() == 3;
        });
        assertThat(notifier.notified()).extracting(TallyIncreasedEvent::total).containsExactly(1L, 1L, 2L);
    }

    @Test
    void anEffectWaitingForAReadModelIsRetriedByItselfAndCarriedOutOnceWhenTheViewCatchesUp()
            throws InterruptedException {
        ConfigurableApplicationContext app = start();
        CommandGateway gateway = app.getBean(CommandGateway.class);
        TallyNotifier notifier = app.getBean(TallyNotifier.class);
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        notifier.awaitViewFor("new");

        addTwiceThenOnce(gateway, "new", "known");
        await(() -> parkedSequences(processing) == 1);
        Thread.sleep(2_500);
        assertThat(notifier.notified()).extracting(TallyIncreasedEvent::tallyId).containsExactly("known");
        notifier.awaitViewFor(null);

        await(() -> notifier.notified().size() == 3);
        // The retried letter leaves the queue just after its handler ran.
        await(() -> processing.deadLetterQueue(TallyNotifier.GROUP).orElseThrow().size() == 0);
        assertThat(notifier.notified()).extracting(TallyIncreasedEvent::total).containsExactly(1L, 1L, 2L);
    }

    /** Two events of one tally, then one of another: the first two make one sequence. */
    private static void addTwiceThenOnce(CommandGateway gateway, String twice, String once) {
        gateway.sendAndWait(new AddToTallyCommand(twice, 1));
        gateway.sendAndWait(new AddToTallyCommand(twice, 1));
        gateway.sendAndWait(new AddToTallyCommand(once, 1));
    }

    private static long parkedSequences(EventProcessingConfiguration processing) {
        return processing.deadLetterQueue(TallyNotifier.GROUP).orElseThrow().amountOfSequences();
    }

    @Test
    void anEffectIsCarriedOutOncePerKey() {
        SideEffectLog log = new SideEffectLog(client.getDatabase(databaseName), Clock.systemUTC());
        AtomicInteger sent = new AtomicInteger();

        boolean first = log.once("welcome/event-1/fatima@example.org", sent::incrementAndGet);
        boolean second = log.once("welcome/event-1/fatima@example.org", sent::incrementAndGet);
        boolean other = log.once("welcome/event-1/jerome@example.org", sent::incrementAndGet);

        assertThat(List.of(first, second, other)).containsExactly(true, false, true);
        assertThat(sent).hasValue(2);
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
}
