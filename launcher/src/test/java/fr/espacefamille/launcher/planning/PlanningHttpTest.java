package fr.espacefamille.launcher.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.espacefamille.command.payment.sandbox.SandboxPayfip;
import fr.espacefamille.launcher.EspaceFamilleApplication;
import fr.espacefamille.launcher.portal.Browser;
import fr.espacefamille.platform.security.SessionStore;
import fr.espacefamille.platform.testing.InMemoryMongo;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.espacefamille.platform.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking through the portal's HTTP API, both sides in one process on a random port, with the
 * in-memory MongoDB server, the sandbox payment provider and a real SMTP exchange. Read models
 * follow the events a little later, so the tests poll for them.
 */
@SpringBootTest(classes = EspaceFamilleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "espace-famille.demo-data.enabled=true",
                        "espace-famille.planning.catalogue=classpath:planning/test-town.yml",
                        "espace-famille.planning.expiry-check-interval=200ms",
                        "espace-famille.payment.sandbox-notification-delay=50ms",
                        "espace-famille.embedded.enabled=false",
                        "spring.mail.host=127.0.0.1",
                        // The tests move the clock by days; their sessions must outlive that.
                        "espace-famille.security.session-idle-timeout=3650d",
                        "espace-famille.security.session-absolute-timeout=3650d",
                        "espace-famille.security.sign-ups-per-address=500",
                        "spring.mail.host=127.0.0.1"})
@Import(PlanningTestSupport.class)
@DirtiesContext
class PlanningHttpTest {

    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final String DOSSIER = "2015-00100";
    private static final String LOUIS = "2015-00100-louis-20181215";
    private static final String FATIMA = "fatima.martin@example.org";
    private static final String JEROME = "jerome.martin@example.net";
    private static final Pattern ACTIVATION_LINK = Pattern.compile("activation\\.html#jeton=([A-Za-z0-9_-]{43})");

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", mongo::uri);
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add("spring.data.mongodb.database", () -> "planning-" + System.nanoTime());
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
    }

    @LocalServerPort
    private int port;
    @Autowired
    private PlanningTestSupport.MovableClock clock;
    @Autowired
    private SandboxPayfip sandbox;
    @Autowired
    private SessionStore sessions;
    private WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .filter(PlanningTestSupport.loggedIn(sessions))
                .responseTimeout(Duration.ofSeconds(20)).build();
        clock.setTo("2026-09-01T10:00:00");
        await(() -> get("/api/family/dossiers/" + DOSSIER + "/planning").returnResult(String.class).getStatus()
                .is2xxSuccessful());
    }

    @Test
    void aParentBooksDaysPaysAtTheSandboxAndGetsAConfirmationEmail() throws Exception {
        String account = signUp("fatima-" + System.nanoTime(), FATIMA);
        int confirmationsBefore = confirmationsTo(FATIMA).size();
        JsonNode report = post(account, "/basket/changes", Map.of("childId", LOUIS, "service", "RESTAURATION",
                "book", List.of("2026-09-07", "2026-09-08", "2026-09-09"))).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(report.get("booked")).hasSize(2);
        assertThat(report.at("/skipped/0/code").asText()).isEqualTo("DAY_NOT_OPEN");
        assertThat(report.at("/basket/totals/amountDueCents").asLong()).isEqualTo(480);

        JsonNode checkout = post(account, "/basket/checkout", Map.of()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(checkout.get("status").asText()).isEqualTo("PAYMENT_REQUIRED");
        String operation = checkout.get("operationId").asText();
        http.get().uri(checkout.get("redirectUrl").asText()).exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("4,80 €"));
        http.post().uri("/payfip-sandbox/paiement").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("idop=" + operation + "&choix=payer").exchange()
                .expectStatus().isEqualTo(HttpStatus.SEE_OTHER)
                .expectHeader().value("Location", location -> assertThat(location)
                        .endsWith("/planning.html?dossier=" + DOSSIER + "&idop=" + operation));

        await(() -> day(account, "RESTAURATION", "2026-09", "2026-09-08").get("booked").asBoolean());
        await(() -> confirmationsTo(FATIMA).size() == confirmationsBefore + 1);
        MimeMessage confirmation = confirmationsTo(FATIMA).get(confirmationsBefore);
        String text = (String) confirmation.getContent();
        assertThat(confirmation.getSubject()).isEqualTo("Réservations confirmées – dossier famille n° 2015-00100");
        assertThat(text).contains("Bonjour Fatima MARTIN")
                        .contains("Louis – Restauration scolaire : 2 jours réservés")
                        .contains("septembre 2026 : lun. 7, mar. 8")
                        .contains("Montant payé : 4,80 €");
        JsonNode headcount = get("/api/staff/headcounts/2026-09-08").expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(countOf(headcount, "RESTAURATION", "Élémentaire Font de l'Aube")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void refusalsCarryAStableCodeAndAFrenchMessage() {
        String account = "refusals-" + System.nanoTime();

        reserve(account, LOUIS, "RESTAURATION", "2026-10-20").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("DAY_NOT_OPEN")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("Toussaint"));
        reserve(account, LOUIS, "RESTAURATION", "2026-09-01").expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("PAST_CUT_OFF");
        reserve(account, "2016-00137-adam-20160813", "RESTAURATION", "2026-09-08").expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("CHILD_NOT_FOUND");
        reserve(account, LOUIS, "TAP", "2026-09-08").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_ENROLLED");
        post(account, "/basket/checkout", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("BASKET_EMPTY");
    }

    @Test
    void aMissingOrEmptyFieldIsRefusedByNameAndChangesNothing() {
        String account = "fields-" + System.nanoTime();
        Map<String, Object> noDay = Map.of("childId", LOUIS, "service", "RESTAURATION");
        List<Object> oneEmptyDay = new ArrayList<>();
        oneEmptyDay.add(null);

        refused(post(account, "/basket/days", noDay), "DAY_MISSING");
        refused(post(account, "/basket/cancellations", Map.of()), "CHILD_MISSING");
        refused(post(account, "/basket/days", Map.of("childId", LOUIS, "day", "2026-09-08")), "SERVICE_MISSING");
        refused(post(account, "/basket/changes", Map.of("childId", LOUIS, "service", "RESTAURATION",
                                                        "book", oneEmptyDay)), "DAY_MISSING");
        refused(post(account, "/basket/periods", Map.of("childId", LOUIS, "service", "RESTAURATION",
                                                        "from", "2026-09-07", "to", "2026-09-30",
                                                        "weekdays", oneEmptyDay)), "WEEKDAY_MISSING");
        refused(post(account, "/basket/periods", Map.of("childId", LOUIS, "service", "RESTAURATION")),
                "PERIOD_MISSING");
        refused(post(account, "/basket/periods", Map.of("childId", LOUIS, "service", "RESTAURATION",
                                                        "from", "2026-09-07", "to", "2026-09-30",
                                                        "weekdays", List.of("MONDAY"))), "ACTION_MISSING");

        assertThat(basket(account).path("lines").size()).isZero();
    }

    @Test
    void aDayOrMonthAtTheEdgeOfTheCalendarIsRefusedAndChangesNothing() {
        String account = "edges-" + System.nanoTime();
        String calendar = "/api/family/dossiers/" + DOSSIER + "/children/" + LOUIS + "/calendar/RESTAURATION/";

        refused(get("/api/staff/closures/+999999999-12"), "DATE_OUT_OF_RANGE");
        refused(get(calendar + "+999999999-12"), "DATE_OUT_OF_RANGE");
        refused(get(calendar + "-999999999-01"), "DATE_OUT_OF_RANGE");
        refused(get("/api/staff/headcounts/-999999999-01-01"), "DATE_OUT_OF_RANGE");
        refused(get("/api/staff/headcounts/+999999999-12-31"), "DATE_OUT_OF_RANGE");
        refused(get("/api/staff/closures/-999999999-01"), "DATE_OUT_OF_RANGE");
        refused(post(account, "/basket/periods", Map.of("childId", LOUIS, "service", "RESTAURATION",
                                                        "from", "+999999999-12-01", "to", "+999999999-12-31",
                                                        "weekdays", List.of("MONDAY"), "action", "BOOK")),
                "DATE_OUT_OF_RANGE");

        assertThat(basket(account).path("lines").size()).isZero();
    }

    @Test
    void everyAddressAndBodyTakesTheSameYears() {
        String account = "years-" + System.nanoTime();
        String calendar = "/api/family/dossiers/" + DOSSIER + "/children/" + LOUIS + "/calendar/RESTAURATION/";

        for (String path : List.of("/api/staff/headcounts/1999-12-31", "/api/staff/headcounts/2100-01-01",
                                   "/api/staff/closures/1999-12", "/api/staff/closures/2100-01",
                                   calendar + "1999-12", calendar + "2100-01")) {
            refused(get(path), "DATE_OUT_OF_RANGE");
        }
        refused(post(account, "/basket/days", Map.of("childId", LOUIS, "service", "RESTAURATION",
                                                     "day", "2100-01-04")), "DATE_OUT_OF_RANGE");
        get("/api/staff/headcounts/2000-01-03").expectStatus().isOk();
        get("/api/staff/headcounts/2099-12-31").expectStatus().isOk();
        get(calendar + "2099-12").expectStatus().isOk();

        assertThat(basket(account).path("lines").size()).isZero();
    }

    @Test
    void aDayOrMonthMisspelledInTheAddressIsRefusedWithTheWayToWriteIt() {
        String calendar = "/api/family/dossiers/" + DOSSIER + "/children/" + LOUIS + "/calendar/RESTAURATION/";
        for (String path : List.of("/api/staff/headcounts/2026-02-30", "/api/staff/headcounts/20261210",
                                   "/api/staff/closures/2026-13", calendar + "2026-9")) {
            get(path).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.code").isEqualTo("DATE_INVALID")
                    .jsonPath("$.message").value(message -> assertThat((String) message).contains("AAAA-MM-JJ"));
        }
    }

    private static void refused(WebTestClient.ResponseSpec response, String code) {
        response.expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.message").value(message -> assertThat((String) message).doesNotContain("null"));
    }

    @Test
    void twoGuardiansBookingTheSameDayAtOnceBookItOnce() throws Exception {
        String day = "2026-09-10";
        ExecutorService guardians = Executors.newFixedThreadPool(8);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String account = "guardian-" + i + "-" + System.nanoTime();
            Callable<String> booking = () -> outcome(reserve(account, LOUIS, "ACCUEIL_SOIR", day));
            answers.add(guardians.submit(booking));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> answer : answers) {
            outcomes.add(answer.get());
        }
        guardians.shutdown();

        assertThat(outcomes).containsOnlyOnce("OK").containsOnly("OK", "ALREADY_IN_BASKET");
    }

    @Test
    void concurrentFamiliesNeverTakeMorePlacesThanTheCapacity() throws Exception {
        List<String[]> children = childrenEnrolledIn("MERCREDI");
        assertThat(children.size()).isGreaterThanOrEqualTo(8);
        ExecutorService families = Executors.newFixedThreadPool(8);
        List<Future<String>> answers = new ArrayList<>();
        for (String[] child : children.subList(0, 8)) {
            Callable<String> booking = () -> outcome(http.post()
                    .uri("/api/family/dossiers/" + child[0] + "/basket/days")
                    .header(PlanningTestSupport.ACCOUNT_HEADER, "parent-of-" + child[1])
                    .bodyValue(Map.of("childId", child[1], "service", "MERCREDI", "day", "2026-09-16"))
                    .exchange());
            answers.add(families.submit(booking));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> answer : answers) {
            outcomes.add(answer.get());
        }
        families.shutdown();

        assertThat(outcomes.stream().filter("OK"::equals)).hasSize(3);
        assertThat(outcomes.stream().filter("CAPACITY_FULL"::equals)).hasSize(5);
    }

    @Test
    void anUnpaidBasketIsReleasedAfterTwentyMinutesAndItsPlaceGoesBack() {
        List<String[]> children = childrenEnrolledIn("MERCREDI");
        String[] first = children.get(children.size() - 1);
        String[] second = children.get(children.size() - 2);
        clock.setTo("2026-09-02T10:00:00");
        String account = "slow-" + System.nanoTime();
        http.post().uri("/api/family/dossiers/" + first[0] + "/basket/days")
                .header(PlanningTestSupport.ACCOUNT_HEADER, account)
                .bodyValue(Map.of("childId", first[1], "service", "MERCREDI", "day", "2026-09-30"))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/family/dossiers/" + first[0] + "/basket/checkout")
                .header(PlanningTestSupport.ACCOUNT_HEADER, account).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("PAYMENT_REQUIRED");

        clock.advance(Duration.ofMinutes(20));

        await(() -> "RELEASED".equals(http.get().uri("/api/family/dossiers/" + first[0] + "/basket")
                .header(PlanningTestSupport.ACCOUNT_HEADER, account).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("status").asText()));
        await(() -> day(first[0], first[1], account, "MERCREDI", "2026-09", "2026-09-30").path("pending")
                .isMissingNode());
        fillWednesday("2026-09-30", children.subList(0, 2));
        // The capacity ledger gets the place back from the released basket's event, a little later.
        await(() -> http.post().uri("/api/family/dossiers/" + second[0] + "/basket/days")
                .header(PlanningTestSupport.ACCOUNT_HEADER, "other-" + System.nanoTime())
                .bodyValue(Map.of("childId", second[1], "service", "MERCREDI", "day", "2026-09-30"))
                .exchange().returnResult(String.class).getStatus().is2xxSuccessful());
    }

    @Test
    void payerClickedAgainOrInSeveralTabsAtOnceOpensOnePayment() throws Exception {
        String account = "clicks-" + System.nanoTime();
        reserve(account, LOUIS, "RESTAURATION", "2026-09-15").expectStatus().isOk();
        long creditBefore = credit();

        ExecutorService tabs = Executors.newFixedThreadPool(5);
        List<Future<String>> operations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            operations.add(tabs.submit(() -> startPayment(account)));
        }
        Set<String> started = new HashSet<>();
        for (Future<String> operation : operations) {
            started.add(operation.get());
        }
        tabs.shutdown();
        String later = startPayment(account);

        assertThat(started).hasSize(1).containsExactly(later);
        choose(later, "payer");
        await(() -> day(account, "RESTAURATION", "2026-09", "2026-09-15").get("booked").asBoolean());
        assertThat(credit()).as("nothing paid twice, so nothing credited").isEqualTo(creditBefore);
    }

    @Test
    void aRefusedPaymentLeavesTheBasketOpenAndAnAbandonedOneToo() {
        String account = "refused-" + System.nanoTime();
        reserve(account, LOUIS, "RESTAURATION", "2026-09-11").expectStatus().isOk();

        String refused = startPayment(account);
        http.post().uri("/payfip-sandbox/paiement").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("idop=" + refused + "&choix=autre").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("CHOICE_INVALID");
        await(() -> "AWAITING_PAYMENT".equals(basket(account).get("status").asText()));
        choose(refused, "refuser");
        await(() -> "OPEN".equals(basket(account).get("status").asText()));
        http.get().uri("/payfip-sandbox/paiement?idop=" + refused).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("terminée : carte refusée"));
        String abandoned = startPayment(account);
        choose(abandoned, "abandonner");
        await(() -> "OPEN".equals(basket(account).get("status").asText()));

        assertThat(basket(account).get("lines")).hasSize(1);
        assertThat(day(account, "RESTAURATION", "2026-09", "2026-09-11").get("booked").asBoolean()).isFalse();
    }

    @Test
    void aDuplicatedSignedNotificationIsIgnoredAndAnUnsignedOneRefused() {
        String account = signUp("jerome-" + System.nanoTime(), JEROME);
        int confirmationsBefore = confirmationsTo(JEROME).size();
        reserve(account, LOUIS, "RESTAURATION", "2026-09-14").expectStatus().isOk();
        String operation = startPayment(account);
        choose(operation, "payer");
        await(() -> confirmationsTo(JEROME).size() == confirmationsBefore + 1);

        String body = "idop=" + operation;
        for (int i = 0; i < 2; i++) {
            http.post().uri("/api/callbacks/payfip/notifications").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .header(SandboxPayfip.SIGNATURE_HEADER, sandbox.sign(body)).bodyValue(body).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        }
        http.post().uri("/api/callbacks/payfip/notifications").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(SandboxPayfip.SIGNATURE_HEADER, "00").bodyValue(body).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("INVALID_SIGNATURE");

        await(() -> get("/api/family/dossiers/" + DOSSIER + "/credit").expectBody(JsonNode.class).returnResult()
                .getResponseBody() != null);
        sleep(500);
        assertThat(confirmationsTo(JEROME)).hasSize(confirmationsBefore + 1);
    }

    @Test
    void cancellingAPaidDayBeforeTheCutOffLeavesACreditThatPaysTheNextDay() {
        String account = "credit-" + System.nanoTime();
        reserve(account, LOUIS, "RESTAURATION", "2026-09-17").expectStatus().isOk();
        choose(startPayment(account), "payer");
        await(() -> day(account, "RESTAURATION", "2026-09", "2026-09-17").get("booked").asBoolean());
        long before = credit();

        post(account, "/basket/cancellations", Map.of("childId", LOUIS, "service", "RESTAURATION",
                                                      "day", "2026-09-17")).expectStatus().isOk();
        post(account, "/basket/checkout", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");

        await(() -> credit() == before + 240);
        reserve(account, LOUIS, "RESTAURATION", "2026-09-18").expectStatus().isOk();
        post(account, "/basket/checkout", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CONFIRMED")
                .jsonPath("$.basket.totals.creditUsedCents").isEqualTo(240);
        await(() -> credit() == before);
    }

    @Test
    void aDayTheStaffCloseIsShownClosedAndCannotBeBooked() {
        http.post().uri("/api/staff/closures")
                .bodyValue(Map.of("day", "2026-09-22", "services", List.of("RESTAURATION"), "reason", "grève"))
                .exchange().expectStatus().isOk();

        await(() -> "Fermeture : grève".equals(day("closures", "RESTAURATION", "2026-09", "2026-09-22")
                .path("closedReason").asText()));
        reserve("closures", LOUIS, "RESTAURATION", "2026-09-22").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("DAY_NOT_OPEN");
    }

    @Test
    void theWholeYearPatternReportsWhatItSkipped() {
        String account = "year-" + System.nanoTime();
        clock.setTo("2026-08-25T09:00:00");

        post(account, "/basket/periods", Map.of("childId", LOUIS, "service", "ACCUEIL_MATIN",
                "from", "2026-09-01", "to", "2027-07-02",
                "weekdays", List.of("MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"), "action", "BOOK"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.booked.length()").isEqualTo(139)
                .jsonPath("$.skipped.length()").isEqualTo(36)
                .jsonPath("$.basket.totals.invoicedLaterCents").isEqualTo(139 * 90);
    }

    // ----- helpers -----

    /**
     * A parent's account for a guardian of the MARTIN dossier, through the town's steps: sign-up,
     * the letter's number and name, the terms, the activation link received by e-mail.
     */
    private String signUp(String username, String email) {
        Browser browser = new Browser(port);
        browser.post("/api/registration", Map.of("username", username, "password", "trois chats sur un toit rouge",
                                                 "email", email)).expectStatus().isCreated();
        browser.post("/api/registration/dossier", Map.of("dossierNumber", DOSSIER, "dossierName", "martin"))
                .expectStatus().isOk();
        browser.post("/api/registration/validation", Map.of("termsVersion", "2026-09", "termsAccepted", true))
                .expectStatus().isAccepted();
        await(() -> activationToken(email) != null);
        new Browser(port).post("/api/accounts/activation", Map.of("token", activationToken(email)))
                .expectStatus().isOk();
        // The confirmation e-mail reads the account's address and name from the account view.
        Browser parent = new Browser(port);
        parent.post("/api/session", Map.of("username", username, "password", "trois chats sur un toit rouge"))
                .expectStatus().isOk();
        await(() -> "ACTIVE".equals(parent.get("/api/account").expectBody(JsonNode.class).returnResult()
                .getResponseBody().path("status").asText()));
        return username;
    }

    /** The secret of the newest activation link sent to this address, or {@code null}. */
    private static String activationToken(String email) {
        String token = null;
        for (MimeMessage message : mailsTo(email)) {
            try {
                Matcher link = ACTIVATION_LINK.matcher(String.valueOf(message.getContent()));
                if (link.find()) {
                    token = link.group(1);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return token;
    }

    private static List<MimeMessage> confirmationsTo(String address) {
        return mailsTo(address).stream().filter(message -> {
            try {
                return message.getSubject().startsWith("Réservations confirmées");
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** {@code OK}, or the refusal's code. */
    private static String outcome(WebTestClient.ResponseSpec response) {
        JsonNode body = response.expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.has("code") ? body.get("code").asText() : "OK";
    }

    private WebTestClient.ResponseSpec reserve(String account, String childId, String service, String day) {
        return post(account, "/basket/days", Map.of("childId", childId, "service", service, "day", day));
    }

    private WebTestClient.ResponseSpec post(String account, String path, Object body) {
        return http.post().uri("/api/family/dossiers/" + DOSSIER + path)
                .header(PlanningTestSupport.ACCOUNT_HEADER, account).bodyValue(body).exchange();
    }

    /** A staff member's read, or, for a family's page, a parent's of that family. */
    private WebTestClient.ResponseSpec get(String path) {
        WebTestClient.RequestHeadersSpec<?> request = http.get().uri(path);
        if (path.startsWith("/api/family/")) {
            request = request.header(PlanningTestSupport.ACCOUNT_HEADER, "a-parent-of-the-family");
        }
        return request.exchange();
    }

    private String startPayment(String account) {
        JsonNode checkout = post(account, "/basket/checkout", Map.of()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(checkout.get("status").asText()).isEqualTo("PAYMENT_REQUIRED");
        return checkout.get("operationId").asText();
    }

    private void choose(String operation, String choice) {
        http.post().uri("/payfip-sandbox/paiement").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("idop=" + operation + "&choix=" + choice).exchange()
                .expectStatus().isEqualTo(HttpStatus.SEE_OTHER);
    }

    private JsonNode basket(String account) {
        return http.get().uri("/api/family/dossiers/" + DOSSIER + "/basket")
                .header(PlanningTestSupport.ACCOUNT_HEADER, account).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private long credit() {
        return get("/api/family/dossiers/" + DOSSIER + "/credit").expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("balanceCents").asLong();
    }

    private JsonNode day(String account, String service, String month, String day) {
        return day(DOSSIER, LOUIS, account, service, month, day);
    }

    private JsonNode day(String dossier, String childId, String account, String service, String month, String day) {
        JsonNode calendar = http.get()
                .uri("/api/family/dossiers/" + dossier + "/children/" + childId + "/calendar/" + service + "/" + month)
                .header(PlanningTestSupport.ACCOUNT_HEADER, account).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode node : calendar.get("days")) {
            if (node.get("day").asText().equals(day)) {
                return node;
            }
        }
        throw new AssertionError("No day " + day);
    }

    /** Dossier number and child id of the demo children enrolled in a service. */
    private List<String[]> childrenEnrolledIn(String service) {
        await(() -> get("/api/staff/dossiers").expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("dossiers").size() == PlanningTestSupport.DEMO_DOSSIERS);
        JsonNode dossiers = get("/api/staff/dossiers").expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String[]> children = new ArrayList<>();
        for (JsonNode summary : dossiers.get("dossiers")) {
            String number = summary.get("dossierNumber").asText();
            JsonNode dossier = PlanningTestSupport.staffView(http, number);
            for (JsonNode child : dossier.get("children")) {
                for (JsonNode enrolment : child.get("enrolments")) {
                    if (enrolment.asText().equals(service) && !number.equals(DOSSIER)) {
                        children.add(new String[]{number, child.get("childId").asText()});
                    }
                }
            }
        }
        return children;
    }

    private void fillWednesday(String day, List<String[]> children) {
        for (String[] child : children) {
            http.post().uri("/api/family/dossiers/" + child[0] + "/basket/days")
                    .header(PlanningTestSupport.ACCOUNT_HEADER, "filler-" + System.nanoTime())
                    .bodyValue(Map.of("childId", child[1], "service", "MERCREDI", "day", day))
                    .exchange().expectStatus().isOk();
        }
    }

    private static int countOf(JsonNode headcounts, String service, String school) {
        for (JsonNode headcount : headcounts.get("headcounts")) {
            if (headcount.get("service").asText().equals(service) && headcount.get("school").asText().equals(school)) {
                return headcount.get("count").asInt();
            }
        }
        return -1;
    }

    private static List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(address)) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
