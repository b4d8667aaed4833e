package fr.espacefamille.launcher;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static fr.espacefamille.platform.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher with nothing configured: an in-process MongoDB keeping its data in a file, the
 * demo dossiers imported once, and nothing lost or doubled across a restart.
 */
class EmbeddedDefaultTest {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedPortalKeepsItsEventsAndReadModelsAcrossARestart() {
        long eventsBefore;
        try (ConfigurableApplicationContext first = start()) {
            MongoDatabase database = database(first);
            await(() -> database.getCollection("dossier_views").countDocuments() == 40);
            eventsBefore = database.getCollection("events").countDocuments();
            assertThat(database.getCollection("events").countDocuments(new org.bson.Document(
                    "payloadType", "fr.espacefamille.events.dossier.DossierRegisteredEvent"))).isEqualTo(40);
        }
        assertThat(Files.exists(dataDir.resolve("mongo.mv"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            MongoDatabase database = database(second);

            assertThat(database.getCollection("events").countDocuments()).isEqualTo(eventsBefore);
            assertThat(database.getCollection("dossier_views").countDocuments()).isEqualTo(40);
            assertThat(database.getCollection("tracking_tokens").countDocuments()).isPositive();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(EspaceFamilleApplication.class).run(
                "--server.port=0",
                "--espace-famille.data-dir=" + dataDir,
                "--espace-famille.mail.welcome-on-registration=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort());
    }

    /** The embedded server, reached as any client would, at the address the launcher gave it. */
    private static MongoDatabase database(ConfigurableApplicationContext context) {
        MongoClient client = MongoClients.create(context.getEnvironment().getProperty("spring.data.mongodb.uri"));
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                client.close();
            }
        });
        return client.getDatabase(context.getEnvironment().getProperty("spring.data.mongodb.database"));
    }
}
