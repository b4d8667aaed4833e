package fr.espacefamille.launcher.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import fr.espacefamille.launcher.EspaceFamilleApplication;
import fr.espacefamille.platform.security.SessionStore;
import fr.espacefamille.platform.testing.InMemoryMongo;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static fr.espacefamille.platform.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A closure recorded just before the portal stops still cancels its day's bookings: its jobs
 * and the closure processor's position are in MongoDB, and the portal started again sends them.
 */
class ClosureRestartTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final MongoClient client = MongoClients.create(mongo.uri());
    private static final String MARTIN = "2015-00100";
    private static final String LOUIS = "2015-00100-louis-20181215";

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final String databaseName = "restart-" + System.nanoTime();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stopPortal() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @Test
    void aClosureRecordedBeforeAStopCancelsItsBookingsAfterTheStart() {
        ConfigurableApplicationContext first = start(Duration.ofHours(1));
        WebTestClient http = clientOf(first);
        await(() -> http.get().uri("/api/staff/dossiers/" + MARTIN).exchange().returnResult(String.class)
                .getStatus().is2xxSuccessful());
        bookAndPay(http, "2026-09-29");
        http.post().uri("/api/staff/closures")
                .bodyValue(Map.of("day", "2026-09-29", "services", List.of("RESTAURATION"), "reason", "grève"))
                .exchange().expectStatus().isOk();
        await(() -> database().getCollection("planning_closure_jobs")
                .countDocuments(Filters.eq("_id", "2026-09-29|" + MARTIN)) == 1);
        assertThat(isBooked(http, "2026-09-29")).isTrue();
        assertThat(database().getCollection("tracking_tokens")
                .countDocuments(Filters.eq("processorName", "closure-cancellations"))).isPositive();
        first.close();

        WebTestClient again = clientOf(start(Duration.ofMillis(200)));

        await(() -> !isBooked(again, "2026-09-29"));
        await(() -> credit(again) == 240);
        await(() -> database().getCollection("planning_closure_jobs").countDocuments() == 0);
        await(() -> Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return message.getSubject().startsWith("Réservations annulées par la mairie");
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }).count() == 2);
    }

    private ConfigurableApplicationContext start(Duration closureCheckInterval) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EspaceFamilleApplication.class,
                                                                              PlanningTestSupport.class).run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + mongo.uri(),
                "--spring.data.mongodb.database=" + databaseName,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--espace-famille.demo-data.enabled=true",
                "--espace-famille.planning.catalogue=classpath:planning/test-town.yml",
                "--espace-famille.planning.closure-check-interval=" + closureCheckInterval.toMillis() + "ms",
                "--espace-famille.payment.sandbox-notification-delay=50ms",
                // Its parent has a session but no account: a confirmation would wait for it.
                "--espace-famille.mail.booking-confirmations=false",
                "--espace-famille.security.session-idle-timeout=3650d",
                "--espace-famille.security.session-absolute-timeout=3650d",
                "--espace-famille.event-store.fetch-delay=20ms");
        context.getBean(PlanningTestSupport.MovableClock.class).setTo("2026-09-01T10:00:00");
        running.add(context);
        return context;
    }

    private static WebTestClient clientOf(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .filter(PlanningTestSupport.loggedIn(context.getBean(SessionStore.class)))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    private static void bookAndPay(WebTestClient http, String day) {
        http.post().uri("/api/family/dossiers/" + MARTIN + "/basket/days")
                .header(PlanningTestSupport.ACCOUNT_HEADER, "fatima")
                .bodyValue(Map.of("childId", LOUIS, "service", "RESTAURATION", "day", day))
                .exchange().expectStatus().isOk();
        JsonNode outcome = http.post().uri("/api/family/dossiers/" + MARTIN + "/basket/checkout")
                .header(PlanningTestSupport.ACCOUNT_HEADER, "fatima").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        http.post().uri("/payfip-sandbox/paiement").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("idop=" + outcome.get("operationId").asText() + "&choix=payer").exchange()
                .expectStatus().isEqualTo(HttpStatus.SEE_OTHER);
        await(() -> isBooked(http, day));
    }

    private static boolean isBooked(WebTestClient http, String day) {
        JsonNode calendar = http.get()
                .uri("/api/family/dossiers/" + MARTIN + "/children/" + LOUIS + "/calendar/RESTAURATION/"
                             + day.substring(0, 7))
                .header(PlanningTestSupport.ACCOUNT_HEADER, "fatima").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode node : calendar.get("days")) {
            if (node.get("day").asText().equals(day)) {
                return node.get("booked").asBoolean();
            }
        }
        throw new AssertionError("No day " + day);
    }

    private static long credit(WebTestClient http) {
        return http.get().uri("/api/family/dossiers/" + MARTIN + "/credit")
                .header(PlanningTestSupport.ACCOUNT_HEADER, "fatima").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("balanceCents").asLong();
    }

    private MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    /** Polls until the condition holds; a read model not there yet counts as not yet. */}
