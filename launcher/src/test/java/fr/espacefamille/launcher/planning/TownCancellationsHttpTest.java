package fr.espacefamille.launcher.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.espacefamille.launcher.EspaceFamilleApplication;
import fr.espacefamille.platform.security.SessionStore;
import fr.espacefamille.platform.testing.InMemoryMongo;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.espacefamille.platform.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the town takes back, through the portal's HTTP API with both sides in one process: the
 * bookings of a day the staff close, and those of a child or an enrolment an import removes.
 * Read models and e-mails follow a little later, so the tests poll for them.
 */
@SpringBootTest(classes = EspaceFamilleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "espace-famille.demo-data.enabled=true",
                        "espace-famille.planning.catalogue=classpath:planning/test-town.yml",
                        "espace-famille.planning.expiry-check-interval=200ms",
                        "espace-famille.planning.closure-check-interval=200ms",
                        "espace-famille.payment.sandbox-notification-delay=50ms",
                        "espace-famille.embedded.enabled=false",
                        "spring.mail.host=127.0.0.1",
                        // Its parents have sessions but no accounts: a confirmation would wait for them.
                        "espace-famille.mail.booking-confirmations=false",
                        "espace-famille.security.session-idle-timeout=3650d",
                        "espace-famille.security.session-absolute-timeout=3650d",
                        "spring.mail.host=127.0.0.1"})
@Import(PlanningTestSupport.class)
@DirtiesContext
class TownCancellationsHttpTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final Path TOWN_EXPORT = Path.of("src/main/resources/demo/dossiers-saint-just.csv");
    private static final String MARTIN = "2015-00100";
    private static final String LEROY = "2023-00396";
    private static final String BERTRAND = "2022-00692";
    private static final String CANCELLED = "Réservations annulées par la mairie – dossier famille n° ";

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", mongo::uri);
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add("spring.data.mongodb.database", () -> "town-cancellations-" + System.nanoTime());
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
    }

    @LocalServerPort
    private int port;
    @Autowired
    private PlanningTestSupport.MovableClock clock;
    @Autowired
    private SessionStore sessions;
    @Autowired
    private EventProcessingConfiguration processing;
    private WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .filter(PlanningTestSupport.loggedIn(sessions))
                .responseTimeout(Duration.ofSeconds(20)).build();
        clock.setTo("2026-09-01T10:00:00");
        await(() -> http.get().uri("/api/staff/dossiers/" + BERTRAND).exchange().returnResult(String.class)
                .getStatus().is2xxSuccessful());
    }

    @Test
    void aDayTheStaffCloseAfterFamiliesBookedItIsCancelledCreditedAndMailedToEachFamily() throws Exception {
        String louis = childOf(MARTIN, "Louis");
        String elodie = childOf(MARTIN, "Élodie");
        String raphael = childOf(LEROY, "Raphaël");
        bookAndPay(MARTIN, louis, "fatima", "RESTAURATION", "2026-09-24", "2026-09-25");
        book(MARTIN, louis, "fatima", "ACCUEIL_SOIR", "2026-09-24");
        checkout(MARTIN, "fatima").expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        bookAndPay(LEROY, raphael, "isabelle", "RESTAURATION", "2026-09-24");
        book(MARTIN, elodie, "jerome", "RESTAURATION", "2026-09-24");
        await(() -> day(LEROY, raphael, "isabelle", "RESTAURATION", "2026-09-24").get("booked").asBoolean());
        long martinCredit = credit(MARTIN);
        long leroyCredit = credit(LEROY);
        clock.setTo("2026-09-23T18:00:00");

        http.post().uri("/api/staff/closures")
                .bodyValue(Map.of("day", "2026-09-24", "services", List.of("RESTAURATION", "ACCUEIL_SOIR"),
                                  "reason", "grève"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.closed.length()").isEqualTo(2);

        await(() -> !day(MARTIN, louis, "fatima", "RESTAURATION", "2026-09-24").get("booked").asBoolean()
                && !day(MARTIN, louis, "fatima", "ACCUEIL_SOIR", "2026-09-24").get("booked").asBoolean()
                && !day(LEROY, raphael, "isabelle", "RESTAURATION", "2026-09-24").get("booked").asBoolean());
        JsonNode closedDay = day(MARTIN, louis, "fatima", "RESTAURATION", "2026-09-24");
        assertThat(closedDay.get("open").asBoolean()).isFalse();
        assertThat(closedDay.get("closedReason").asText()).isEqualTo("Fermeture : grève");
        assertThat(day(MARTIN, louis, "fatima", "RESTAURATION", "2026-09-25").get("booked").asBoolean()).isTrue();
        await(() -> credit(MARTIN) == martinCredit + 240 && credit(LEROY) > leroyCredit);
        await(() -> basket(MARTIN, "jerome").get("lines").isEmpty());
        JsonNode headcounts = http.get().uri("/api/staff/headcounts/2026-09-24").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode headcount : headcounts.get("headcounts")) {
            if (List.of("RESTAURATION", "ACCUEIL_SOIR").contains(headcount.get("service").asText())) {
                assertThat(headcount.get("count").asInt()).isZero();
                assertThat(headcount.get("closedReason").asText()).isEqualTo("Fermeture : grève");
            }
        }
        await(() -> "BookingsCancelledByTownEvent".equals(lastHistoryEntry(MARTIN).get("eventType").asText()));
        assertThat(lastHistoryEntry(MARTIN).get("author").asText()).isEqualTo("system:closure");

        // Other tests of this class cancel days of the same families, and their mails may still
        // be on their way: count this closure's only.
        String closedDay24 = "jeudi 24 septembre 2026";
        await(() -> cancellationsOf(MARTIN, closedDay24).size() == 2
                && cancellationsOf(LEROY, closedDay24).size() == 2);
        MimeMessage martins = cancellationsOf(MARTIN, closedDay24).get(0);
        assertThat(recipients(martins)).containsExactly("fatima.martin@example.org", "jerome.martin@example.net");
        assertThat((String) martins.getContent())
                .contains("Louis – Restauration scolaire : jeudi 24 septembre 2026 (Fermeture : grève)")
                .contains("Louis – Accueil du soir : jeudi 24 septembre 2026 (Fermeture : grève)")
                .contains("Avoir ajouté à votre compte famille : 2,40 €");
        sleep(1_000);
        assertThat(cancellationsOf(MARTIN, closedDay24)).hasSize(2);
        assertThat(cancellationsOf(LEROY, closedDay24)).hasSize(2);
    }

    @Test
    void aDayIsRefusedAsSoonAsTheStaffClosedItHoweverFarBehindTheEventProcessorsAre() {
        String louis = childOf(MARTIN, "Louis");
        List<EventProcessor> processors = List.copyOf(processing.eventProcessors().values());
        processors.forEach(EventProcessor::shutDown);
        try {
            http.post().uri("/api/staff/closures")
                    .bodyValue(Map.of("day", "2026-11-05", "services", List.of("RESTAURATION"), "reason", "grève"))
                    .exchange().expectStatus().isOk();

            expectRefusal(reserve(MARTIN, louis, "fatima", "RESTAURATION", "2026-11-05"), 400, "DAY_NOT_OPEN");
        } finally {
            processors.forEach(EventProcessor::start);
        }
    }

    @Test
    void aDayPaidInABasketThatTheStaffCloseBeforeThePaymentArrivesIsCreditedOnce() {
        String louis = childOf(MARTIN, "Louis");
        long martinCredit = credit(MARTIN);
        book(MARTIN, louis, "fatima", "RESTAURATION", "2026-11-06").expectStatus().isOk();
        JsonNode outcome = checkout(MARTIN, "fatima").expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(outcome.get("status").asText()).isEqualTo("PAYMENT_REQUIRED");
        long due = outcome.get("basket").get("totals").get("amountDueCents").asLong();

        http.post().uri("/api/staff/closures")
                .bodyValue(Map.of("day", "2026-11-06", "services", List.of("RESTAURATION"), "reason", "grève"))
                .exchange().expectStatus().isOk();
        await(() -> basket(MARTIN, "fatima").path("lines").isEmpty());
        http.post().uri("/payfip-sandbox/paiement").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("idop=" + outcome.get("operationId").asText() + "&choix=payer").exchange()
                .expectStatus().isEqualTo(HttpStatus.SEE_OTHER);

        await(() -> credit(MARTIN) == martinCredit + due);
        sleep(1_500);
        assertThat(credit(MARTIN)).isEqualTo(martinCredit + due);
        assertThat(day(MARTIN, louis, "fatima", "RESTAURATION", "2026-11-06").get("booked").asBoolean()).isFalse();
    }

    @Test
    void aFullWednesdayTheStaffCloseGivesItsPlacesBack() {
        List<String[]> children = childrenEnrolledIn("MERCREDI");
        for (String[] child : children.subList(0, 3)) {
            bookAndPay(child[0], child[1], "parent-of-" + child[1], "MERCREDI", "2026-10-14");
        }
        String[] fourth = children.get(3);
        reserve(fourth[0], fourth[1], "parent-of-" + fourth[1], "MERCREDI", "2026-10-14")
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("CAPACITY_FULL");

        http.post().uri("/api/staff/closures")
                .bodyValue(Map.of("day", "2026-10-14", "services", List.of("MERCREDI"), "reason", "sortie annulée"))
                .exchange().expectStatus().isOk();
        for (String[] child : children.subList(0, 3)) {
            await(() -> !day(child[0], child[1], "parent-of-" + child[1], "MERCREDI", "2026-10-14")
                    .get("booked").asBoolean());
        }
        http.delete().uri("/api/staff/closures/2026-10-14/MERCREDI").exchange().expectStatus().isNoContent();

        await(() -> reserve(fourth[0], fourth[1], "other-parent-of-" + fourth[1], "MERCREDI", "2026-10-14")
                .returnResult(String.class).getStatus().is2xxSuccessful());
        String[] first = children.get(0);
        // Each family's cancellation gives its place back on its own, a little later.
        await(() -> reserve(first[0], first[1], "parent-of-" + first[1], "MERCREDI", "2026-10-14")
                .returnResult(String.class).getStatus().is2xxSuccessful());
    }

    @Test
    void anImportThatRemovesAChildOrAnEnrolmentCancelsTheirDaysNotYetFrozen() throws Exception {
        String sarah = childOf(BERTRAND, "Sarah");
        String chloe = childOf(BERTRAND, "Chloé");
        bookAndPay(BERTRAND, sarah, "julie", "RESTAURATION", "2026-09-10", "2026-09-11", "2026-09-14");
        bookAndPay(BERTRAND, chloe, "julie", "RESTAURATION", "2026-09-14");
        book(BERTRAND, chloe, "julie", "ACCUEIL_MATIN", "2026-09-14");
        checkout(BERTRAND, "julie").expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        long price = priceOf(BERTRAND, sarah, "RESTAURATION");
        await(() -> day(BERTRAND, chloe, "julie", "ACCUEIL_MATIN", "2026-09-14").get("booked").asBoolean());
        long creditBefore = credit(BERTRAND);
        // Thursday 10 September at 18:00: Friday 11 is frozen, Monday 14 is not.
        clock.setTo("2026-09-10T18:00:00");

        importExport(withoutSarahAndChloesCanteen()).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(1);

        await(() -> credit(BERTRAND) == creditBefore + 2 * price);
        JsonNode planning = http.get().uri("/api/family/dossiers/" + BERTRAND + "/planning")
                .header(PlanningTestSupport.ACCOUNT_HEADER, "julie").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> children = new ArrayList<>();
        planning.get("children").forEach(child -> children.add(child.get("firstName").asText()));
        assertThat(children).containsExactlyInAnyOrder("Chloé", "Timéo");
        http.get().uri("/api/family/dossiers/" + BERTRAND + "/children/" + sarah + "/calendar/RESTAURATION/2026-09")
                .header(PlanningTestSupport.ACCOUNT_HEADER, "julie").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("CHILD_NOT_FOUND");
        assertThat(day(BERTRAND, chloe, "julie", "ACCUEIL_MATIN", "2026-09-14").get("booked").asBoolean()).isTrue();
        JsonNode headcounts = http.get().uri("/api/staff/headcounts/2026-09-14").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode headcount : headcounts.get("headcounts")) {
            if (headcount.get("service").asText().equals("RESTAURATION")) {
                headcount.get("children").forEach(child -> assertThat(child.get("childId").asText())
                        .isNotIn(sarah, chloe));
            }
        }
        await(() -> "BookingsCancelledByTownEvent".equals(lastHistoryEntry(BERTRAND).get("eventType").asText()));
        assertThat(lastHistoryEntry(BERTRAND).get("author").asText()).isEqualTo("staff:agent.planning");
        await(() -> !cancellationsOf(BERTRAND).isEmpty());
        assertThat((String) cancellationsOf(BERTRAND).get(0).getContent())
                .contains("Sarah – Restauration scolaire : lundi 14 septembre 2026 (Enfant retiré du dossier)")
                .contains("Chloé – Restauration scolaire : lundi 14 septembre 2026"
                          + " (Inscription au service retirée)");
    }

    @Test
    void wrongClosuresAreRefusedInFrenchAndChangeNothing() {
        expectRefusal(close(Map.of("day", "2026-10-08", "services", List.of("RESTAURATION"))), 400, "REASON_MISSING");
        expectRefusal(close(Map.of("day", "2026-10-08", "services", List.of(), "reason", "  ")), 400,
                      "REASON_MISSING");
        for (String saysNothing : List.of("\u00a0", "\u2007\u202f", "\u2800", "\u0301", "…")) {
            expectRefusal(close(Map.of("day", "2026-10-08", "services", List.of(), "reason", saysNothing)), 400,
                          "REASON_MISSING");
        }
        expectRefusal(close(Map.of("day", "2026-10-08", "services", List.of(), "reason", "x".repeat(121))), 400,
                      "REASON_TOO_LONG");
        expectRefusal(close(Map.of("services", List.of("RESTAURATION"), "reason", "grève")), 400, "DAY_MISSING");
        expectRefusal(close(Map.of("day", "2026-08-31", "services", List.of(), "reason", "grève")), 400, "PAST_DAY");
        expectRefusal(close(Map.of("day", "2026-10-08", "services", List.of("PISCINE"), "reason", "grève")), 404,
                      "UNKNOWN_SERVICE");
        expectRefusal(close(Map.of("day", "2026-10-07", "services", List.of("RESTAURATION"), "reason", "grève")),
                      400, "SERVICE_NOT_RUNNING");
        expectRefusal(close(Map.of("day", "2026-10-08", "servcies", List.of("RESTAURATION"), "reason", "grève")),
                      400, "FIELD_UNKNOWN");
        expectRefusal(close(Map.of("day", "2026-10-08", "reason", "grève")), 400, "SERVICES_MISSING");
        expectRefusal(close(Map.of("day", "2026-10-22", "services", List.of("RESTAURATION"), "reason", "grève")),
                      400, "DAY_NOT_OPEN");
        expectRefusal(close(Map.of("day", "2027-05-06", "services", List.of(), "reason", "grève")), 400,
                      "DAY_NOT_OPEN");
        expectRefusal(close(Map.of("day", "2030-03-07", "services", List.of("RESTAURATION"), "reason", "grève")),
                      400, "DAY_NOT_OPEN");
        expectRefusal(close(Map.of("day", "2026-10-08", "services", List.of("RESTAURATION"),
                                   "reason", "grève\nvoir l'affiche")), 400, "REASON_INVALID");
        expectRefusal(close(Map.of("day", "2026-10-08", "services", Arrays.asList("RESTAURATION", null),
                                   "reason", "grève")), 400, "INVALID_REQUEST");
        expectRefusal(close(Map.of("day", "2026-13-01", "services", List.of(), "reason", "grève")), 400,
                      "FIELD_TYPE_INVALID");
        expectRefusal(closeJson("{\"day\": "), 400, "JSON_INVALID");
        expectRefusal(http.delete().uri("/api/staff/closures/2026-10-08/RESTAURATION").exchange(), 404, "NOT_CLOSED");
        expectRefusal(http.delete().uri("/api/staff/closures/2026-10-08/PISCINE").exchange(), 404, "UNKNOWN_SERVICE");
        expectRefusal(http.delete().uri("/api/staff/closures/demain/RESTAURATION").exchange(), 400,
                      "DATE_INVALID");
        expectRefusal(http.post().uri("/api/staff/closures")
                              .header(PlanningTestSupport.ACCOUNT_HEADER, "a-parent")
                              .bodyValue(Map.of("day", "2026-10-08", "services", List.of(), "reason", "grève"))
                              .exchange(), 403, "STAFF_ONLY");

        http.get().uri("/api/staff/closures/2026-10").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.closures.length()").isEqualTo(0);
    }

    @Test
    void aReasonWithAnInvisibleOrFormattingCharacterIsRefusedAndClosesNothing() {
        List<String> reasons = List.of("grève\u2028voir l'affiche", "grève\u2029voir l'affiche", "gr\u200Bève",
                                       "gr\u200Cève", "gr\u200Dève", "\uFEFFgrève", "grève\u00AD",
                                       "\u202Eevèrg", "\u202Agrève\u202C", "\u202Bgrève", "\u202Dgrève",
                                       "\u2066grève\u2069", "\u2067grève", "\u2068grève", "grève\u0085",
                                       "grève\tdemain", "grève\u007F", "Grève\uFE0F", "gr\u034Fève",
                                       "grève \u3164", "grève \uE000", "grève \uFFFF", "grève \u0378");
        for (String reason : reasons) {
            expectRefusal(close(Map.of("day", "2026-10-08", "services", List.of("RESTAURATION"), "reason", reason)),
                          400, "REASON_INVALID");
        }
        // Half of a surrogate pair: valid JSON, but no text.
        expectRefusal(closeJson("{\"day\": \"2026-10-08\", \"services\": [\"RESTAURATION\"], "
                                        + "\"reason\": \"grève \\ud83d\"}"), 400, "REASON_INVALID");

        http.get().uri("/api/staff/closures/2026-10").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.closures.length()").isEqualTo(0);
    }

    @Test
    void aClosureBodyThatIsNotStrictlyTheRequestIsRefusedAndClosesNothing() {
        String valid = "\"day\": \"2026-10-08\", \"services\": [\"RESTAURATION\"], \"reason\": \"grève\"";
        expectRefusal(closeJson("{\"day\": \"2026-10-08\", \"services\": [\"RESTAURATION\"], \"reason\": 42}"),
                      400, "FIELD_TYPE_INVALID");
        expectRefusal(closeJson("{\"day\": \"2026-10-08\", \"services\": [\"RESTAURATION\"], \"reason\": true}"),
                      400, "FIELD_TYPE_INVALID");
        expectRefusal(closeJson("{\"day\": [2026, 10, 8], \"services\": [\"RESTAURATION\"], \"reason\": \"grève\"}"),
                      400, "FIELD_TYPE_INVALID");
        expectRefusal(closeJson("{\"day\": \"2026-10-08T08:00:00\", \"services\": [\"RESTAURATION\"], "
                                        + "\"reason\": \"grève\"}"), 400, "FIELD_TYPE_INVALID");
        expectRefusal(closeJson("{\"day\": \"2026-10-08\", \"services\": \"RESTAURATION\", \"reason\": \"grève\"}"),
                      400, "FIELD_TYPE_INVALID");
        expectRefusal(closeJson("{" + valid + ", \"urgent\": true}"), 400, "FIELD_UNKNOWN");
        expectRefusal(closeJson("{" + valid + "} {}"), 400, "JSON_INVALID");
        expectRefusal(closeJson("{" + valid + "} et puis"), 400, "JSON_INVALID");
        expectRefusal(closeJson("{" + valid + ", \"reason\": \"fête\"}"), 400, "JSON_INVALID");
        expectRefusal(closeJson("{" + valid + ", \"services\": []}"), 400, "JSON_INVALID");

        closeJson("{\"day\": \"2026-10-08\", \"services\": [\"RESTAURATION\"], \"reason\": 42}")
                .expectBody().jsonPath("$.message").isEqualTo("Le champ « reason » doit être un texte.");
        closeJson("{" + valid + ", \"urgent\": true}")
                .expectBody().jsonPath("$.message").value(message -> assertThat((String) message).contains("urgent"));
        http.get().uri("/api/staff/closures/2026-10").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.closures.length()").isEqualTo(0);
    }

    @Test
    void aServiceNamedTwiceIsClosedOnce() {
        http.post().uri("/api/staff/closures")
                .bodyValue(Map.of("day", "2026-11-05", "services", List.of("RESTAURATION", "RESTAURATION"),
                                  "reason", "grève"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.closed").isEqualTo(List.of("RESTAURATION"));

        await(() -> closuresOf("2026-11").size() == 1);
        assertThat(closuresOf("2026-11").get(0).get("service").asText()).isEqualTo("RESTAURATION");
        http.delete().uri("/api/staff/closures/2026-11-05/RESTAURATION").exchange().expectStatus().isNoContent();
    }

    // ----- helpers -----

    private WebTestClient.ResponseSpec close(Map<String, Object> body) {
        return http.post().uri("/api/staff/closures").bodyValue(new HashMap<>(body)).exchange();
    }

    private WebTestClient.ResponseSpec closeJson(String body) {
        return http.post().uri("/api/staff/closures").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private List<JsonNode> closuresOf(String month) {
        JsonNode closures = http.get().uri("/api/staff/closures/" + month).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("closures");
        List<JsonNode> list = new ArrayList<>();
        closures.forEach(list::add);
        return list;
    }

    private static void expectRefusal(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.code").isEqualTo(code).jsonPath("$.message").isNotEmpty();
    }

    private WebTestClient.ResponseSpec book(String dossier, String childId, String account, String service,
                                            String... days) {
        return http.post().uri("/api/family/dossiers/" + dossier + "/basket/changes")
                .header(PlanningTestSupport.ACCOUNT_HEADER, account)
                .bodyValue(Map.of("childId", childId, "service", service, "book", List.of(days))).exchange();
    }

    /** One day: a refusal on any rule, a full day too. */
    private WebTestClient.ResponseSpec reserve(String dossier, String childId, String account, String service,
                                               String day) {
        return http.post().uri("/api/family/dossiers/" + dossier + "/basket/days")
                .header(PlanningTestSupport.ACCOUNT_HEADER, account)
                .bodyValue(Map.of("childId", childId, "service", service, "day", day)).exchange();
    }

    private WebTestClient.ResponseSpec checkout(String dossier, String account) {
        return http.post().uri("/api/family/dossiers/" + dossier + "/basket/checkout")
                .header(PlanningTestSupport.ACCOUNT_HEADER, account).exchange().expectStatus().isOk();
    }

    /** Books the days and pays them at the payment sandbox; waits until the month view shows them. */
    private void bookAndPay(String dossier, String childId, String account, String service, String... days) {
        book(dossier, childId, account, service, days).expectStatus().isOk()
                .expectBody().jsonPath("$.booked.length()").isEqualTo(days.length);
        JsonNode outcome = checkout(dossier, account).expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(outcome.get("status").asText()).isEqualTo("PAYMENT_REQUIRED");
        http.post().uri("/payfip-sandbox/paiement").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("idop=" + outcome.get("operationId").asText() + "&choix=payer").exchange()
                .expectStatus().isEqualTo(HttpStatus.SEE_OTHER);
        for (String day : days) {
            await(() -> day(dossier, childId, account, service, day).get("booked").asBoolean());
        }
    }

    private JsonNode day(String dossier, String childId, String account, String service, String day) {
        JsonNode calendar = http.get()
                .uri("/api/family/dossiers/" + dossier + "/children/" + childId + "/calendar/" + service + "/"
                             + day.substring(0, 7))
                .header(PlanningTestSupport.ACCOUNT_HEADER, account).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode node : calendar.get("days")) {
            if (node.get("day").asText().equals(day)) {
                return node;
            }
        }
        throw new AssertionError("No day " + day);
    }

    private JsonNode basket(String dossier, String account) {
        return http.get().uri("/api/family/dossiers/" + dossier + "/basket")
                .header(PlanningTestSupport.ACCOUNT_HEADER, account).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private long credit(String dossier) {
        return http.get().uri("/api/family/dossiers/" + dossier + "/credit")
                .header(PlanningTestSupport.ACCOUNT_HEADER, "a-parent").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("balanceCents").asLong();
    }

    private long priceOf(String dossier, String childId, String service) {
        JsonNode planning = http.get().uri("/api/family/dossiers/" + dossier + "/planning")
                .header(PlanningTestSupport.ACCOUNT_HEADER, "a-parent").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode child : planning.get("children")) {
            for (JsonNode summary : child.get("services")) {
                if (child.get("childId").asText().equals(childId) && summary.get("code").asText().equals(service)) {
                    return summary.get("priceCents").asLong();
                }
            }
        }
        throw new AssertionError("No service " + service + " for " + childId);
    }

    private String childOf(String dossier, String firstName) {
        JsonNode view = http.get().uri("/api/staff/dossiers/" + dossier).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode child : view.get("children")) {
            if (child.get("firstName").asText().equals(firstName)) {
                return child.get("childId").asText();
            }
        }
        throw new AssertionError("No child " + firstName + " in " + dossier);
    }

    private JsonNode lastHistoryEntry(String dossier) {
        JsonNode history = http.get().uri("/api/staff/dossiers/" + dossier).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("history");
        return history.get(history.size() - 1);
    }

    /** Dossier number and child id of the demo children enrolled in a service, but the MARTINs'. */
    private List<String[]> childrenEnrolledIn(String service) {
        await(() -> http.get().uri("/api/staff/dossiers").exchange().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("dossiers").size() == PlanningTestSupport.DEMO_DOSSIERS);
        JsonNode dossiers = http.get().uri("/api/staff/dossiers").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String[]> children = new ArrayList<>();
        for (JsonNode summary : dossiers.get("dossiers")) {
            String number = summary.get("dossierNumber").asText();
            JsonNode dossier = PlanningTestSupport.staffView(http, number);
            for (JsonNode child : dossier.get("children")) {
                child.get("enrolments").forEach(enrolment -> {
                    if (enrolment.asText().equals(service) && !number.equals(MARTIN) && !number.equals(BERTRAND)) {
                        children.add(new String[]{number, child.get("childId").asText()});
                    }
                });
            }
        }
        return children;
    }

    /** The town's export, where Sarah BERTRAND left and Chloé BERTRAND no longer eats at the canteen. */
    private static byte[] withoutSarahAndChloesCanteen() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(TOWN_EXPORT, StandardCharsets.UTF_8)) {
            if (line.startsWith(BERTRAND + ";") && line.contains(";Sarah;")) {
                continue;
            }
            lines.add(line.startsWith(BERTRAND + ";") && line.contains(";Chloé;")
                    ? line.replace("RESTAURATION|ACCUEIL_MATIN|ACCUEIL_SOIR", "ACCUEIL_MATIN|ACCUEIL_SOIR") : line);
        }
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private WebTestClient.ResponseSpec importExport(byte[] file) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", file).filename("dossiers.csv").contentType(MediaType.parseMediaType("text/csv"));
        return http.post().uri("/api/staff/dossiers/import").body(BodyInserters.fromMultipartData(form.build()))
                .exchange();
    }

    /** The copies of the e-mails about cancelled days sent for a dossier, one per guardian's mailbox. */
    /** The town's cancellation mails of the dossier that mention the given text. */
    private static List<MimeMessage> cancellationsOf(String dossier, String mentioning) {
        return cancellationsOf(dossier).stream().filter(message -> {
            try {
                return ((String) message.getContent()).contains(mentioning);
            } catch (MessagingException | IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static List<MimeMessage> cancellationsOf(String dossier) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return message.getSubject().equals(CANCELLED + dossier);
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
