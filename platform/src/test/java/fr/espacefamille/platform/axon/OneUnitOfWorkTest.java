package fr.espacefamille.platform.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import fr.espacefamille.platform.testapp.AddToTallyCommand;
import fr.espacefamille.platform.testapp.ReadTallyCommand;
import fr.espacefamille.platform.testapp.TallyApplication;
import fr.espacefamille.platform.testing.InMemoryMongo;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Commands to two aggregates as one change: both record their events, or neither does. */
class OneUnitOfWorkTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final MongoClient client = MongoClients.create(mongo.uri());
    private static final String DATABASE = "one-unit-" + System.nanoTime();
    private static ConfigurableApplicationContext app;
    private static CommandGateway gateway;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(TallyApplication.class).web(WebApplicationType.NONE)
                .run("--spring.data.mongodb.uri=" + mongo.uri(), "--spring.data.mongodb.database=" + DATABASE);
        gateway = app.getBean(CommandGateway.class);
    }

    @AfterAll
    static void stop() {
        app.close();
        client.close();
        mongo.close();
    }

    @Test
    void aCommandRefusedAfterAnotherOneAcceptedLeavesNothingOfEither() {
        gateway.sendAndWait(new AddToTallyCommand("first", 1));

        assertThatThrownBy(() -> OneUnitOfWork.run(() -> {
            gateway.sendAndWait(new AddToTallyCommand("first", 10));
            return gateway.sendAndWait(new AddToTallyCommand("second", -1));
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(storedEventsOf("first")).isEqualTo(1);
        assertThat(storedEventsOf("second")).isZero();
        assertThat((Long) gateway.sendAndWait(new ReadTallyCommand("first"))).isEqualTo(1L);
    }

    @Test
    void commandsAcceptedTogetherAreStoredTogether() {
        long total = OneUnitOfWork.run(() -> {
            gateway.sendAndWait(new AddToTallyCommand("left", 2));
            gateway.sendAndWait(new AddToTallyCommand("right", 3));
            return gateway.sendAndWait(new ReadTallyCommand("left"));
        });

        assertThat(total).isEqualTo(2L);
        assertThat(storedEventsOf("left")).isEqualTo(1);
        assertThat(storedEventsOf("right")).isEqualTo(1);
    }

    private static long storedEventsOf(String tallyId) {
        return client.getDatabase(DATABASE).getCollection("events")
                .countDocuments(Filters.eq("aggregateIdentifier", tallyId));
    }
}
