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

    private ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TallyApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.data.mongodb.uri=" + mongo.uri(),
                     "--spring.data.mongodb.database=" + databaseName);
        running.add(context);
        return context;
    }
}
