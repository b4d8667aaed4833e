package fr.espacefamille.platform.axon;

import fr.espacefamille.platform.testapp.AddToTallyCommand;
import fr.espacefamille.platform.testapp.ReadTallyCommand;
import fr.espacefamille.platform.testapp.TallyApplication;
import fr.espacefamille.platform.testing.InMemoryMongo;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two command-side nodes on one store, each with its aggregate cache. */
class AggregateCacheTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();

    private final String databaseName = "cache-" + System.nanoTime();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stopApplications() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void aNodeDecidesOnTheLatestStateEvenWhenItsCacheHoldsAnOlderOne() {
        CommandGateway nodeA = start().getBean(CommandGateway.class);
        CommandGateway nodeB = start().getBean(CommandGateway.class);
        nodeA.sendAndWait(new AddToTallyCommand("shared", 1));
        assertThat((Long) nodeB.sendAndWait(new ReadTallyCommand("shared"))).isEqualTo(1);

        nodeA.sendAndWait(new AddToTallyCommand("shared", 1));

        assertThat((Long) nodeB.sendAndWait(new ReadTallyCommand("shared"))).isEqualTo(2);
        nodeB.sendAndWait(new AddToTallyCommand("shared", 1));
        assertThat((Long) nodeA.sendAndWait(new ReadTallyCommand("shared"))).isEqualTo(3);
    }

    @Test
    void theStoresOnlyWriterTrustsItsCacheAndAnUnexpectedOtherWriterStillCannotBeOverwritten() {
        CommandGateway onlyWriter = start("--espace-famille.event-store.single-writer=true")
                .getBean(CommandGateway.class);
        CommandGateway unexpected = start().getBean(CommandGateway.class);
        onlyWriter.sendAndWait(new AddToTallyCommand("shared", 1));
        unexpected.sendAndWait(new AddToTallyCommand("shared", 1));

        assertThat((Long) onlyWriter.sendAndWait(new ReadTallyCommand("shared")))
                .as("read from the cache, without asking the store").isEqualTo(1);
        onlyWriter.sendAndWait(new AddToTallyCommand("shared", 1));
        assertThat((Long) unexpected.sendAndWait(new ReadTallyCommand("shared")))
                .as("the stale append hit the unique sequence key and was retried on the stored state")
                .isEqualTo(3);
    }

    private ConfigurableApplicationContext start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--spring.data.mongodb.uri=" + mongo.uri(),
                                                         "--spring.data.mongodb.database=" + databaseName));
        arguments.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TallyApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
        running.add(context);
        return context;
    }
}
