package fr.espacefamille.launcher.portal;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import fr.espacefamille.events.dossier.DossierImportReport;
import fr.espacefamille.events.dossier.DossierSummaries;
import fr.espacefamille.events.dossier.DossierView;
import fr.espacefamille.launcher.EspaceFamilleApplication;
import fr.espacefamille.platform.testing.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static fr.espacefamille.platform.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first flow through the whole portal, over HTTP on the launcher: staff import the town's
 * export, the query side lists and shows the dossiers, a replay rebuilds them without sending
 * any e-mail, and bad input is refused without changing anything.
 */
class DossierImportFlowTest {

    private static final Path TOWN_EXPORT = Path.of("src/main/resources/demo/dossiers-saint-just.csv");
    private static final String STAFF_USERNAME = "agent.import";
    private static final String STAFF_PASSWORD = "mot de passe de l'agent qui importe";
    private static final int GUARDIANS_WITH_EMAIL = 68;
    private static final InMemoryMongo mongo = InMemoryMongo.start();
    private static final MongoClient client = MongoClients.create(mongo.uri());

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final String databaseName = "flow-" + System.nanoTime();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private WebTestClient http;

    @BeforeEach
    void startPortal() {
        http = staffAt(start(EspaceFamilleApplication.class)).client();
    }

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
    void staffImportTheTownsExportAndFindEveryDossier() throws IOException {
        DossierImportReport report = importFile(http, Files.readAllBytes(TOWN_EXPORT));

        assertThat(report.lines()).isEqualTo(62);
        assertThat(report.registered()).isEqualTo(40);
        assertThat(report.problems()).isEmpty();
        await(() -> dossiers(http).dossiers().size() == 40);
        DossierView martin = http.get().uri("/api/staff/dossiers/2015-00100").exchange()
                .expectStatus().isOk()
                .expectBody(DossierView.class).returnResult().getResponseBody();
        assertThat(martin.dossierName()).isEqualTo("MARTIN");
        assertThat(martin.children()).extracting("firstName").containsExactly("Louis", "Jade", "Élodie");
        assertThat(martin.history()).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.eventType()).isEqualTo("DossierRegisteredEvent");
                    assertThat(entry.author()).isEqualTo("staff:" + STAFF_USERNAME);
                });
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        importFile(http, Files.readAllBytes(TOWN_EXPORT));
        long eventsAfterFirstImport = events().countDocuments();

        DossierImportReport second = importFile(http, Files.readAllBytes(TOWN_EXPORT));

        assertThat(second.unchanged()).isEqualTo(40);
        assertThat(second.registered() + second.changed()).isZero();
        assertThat(events().countDocuments()).isEqualTo(eventsAfterFirstImport);
    }

    @Test
    void aMalformedLineIsReportedWhileTheOtherDossiersAreImported() throws IOException {
        List<String> lines = Files.readAllLines(TOWN_EXPORT, StandardCharsets.UTF_8);
        lines.set(1, lines.get(1).replace("11/10/2020", "11/13/2020"));

        DossierImportReport report = importFile(http, String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));

        assertThat(report.registered()).isEqualTo(39);
        assertThat(report.rejectedDossiers()).containsExactly("2015-00100");
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.code()).isEqualTo("INVALID_BIRTH_DATE");
        });
        await(() -> dossiers(http).dossiers().size() == 39);
        http.get().uri("/api/staff/dossiers/2015-00100").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("DOSSIER_NOT_FOUND");
    }

    @Test
    void badInputIsRefusedWithACodeAndAFrenchMessageAndChangesNothing() throws IOException {
        importFile(http, Files.readAllBytes(TOWN_EXPORT));
        long events = events().countDocuments();

        expectRefusal(postCsv("numero_dossier,nom_dossier\n1,MARTIN\n".getBytes(StandardCharsets.UTF_8)),
                      400, "IMPORT_WRONG_SEPARATOR");
        expectRefusal(postCsv("numero_dossier;nom_dossier\n1;MARTIN\n".getBytes(StandardCharsets.UTF_8)),
                      400, "IMPORT_MISSING_COLUMNS");
        expectRefusal(postCsv(new byte[]{(byte) 0xff, (byte) 0xfe, 'x'}), 400, "IMPORT_NOT_UTF8");
        expectRefusal(postCsv(new byte[0]), 400, "IMPORT_FILE_EMPTY");
        expectRefusal(postCsv(new byte[10 * 1024 * 1024 + 1]), 413, "CONTENT_TOO_LARGE");
        expectRefusal(http.post().uri("/api/staff/dossiers/import").contentType(MediaType.MULTIPART_FORM_DATA)
                              .body(BodyInserters.fromMultipartData(new MultipartBodyBuilder().build())).exchange(),
                      400, "IMPORT_FILE_MISSING");
        expectRefusal(http.post().uri("/api/staff/dossiers/import").contentType(MediaType.APPLICATION_JSON)
                              .bodyValue("{}").exchange(), 415, "UNSUPPORTED_MEDIA_TYPE");
        expectRefusal(http.get().uri("/api/staff/dossiers/9999-99999").exchange(), 404, "DOSSIER_NOT_FOUND");
        expectRefusal(http.get().uri("/api/nothing-here").exchange(), 404, "NOT_FOUND");
        expectRefusal(http.delete().uri("/api/staff/dossiers").exchange(), 405, "METHOD_NOT_ALLOWED");

        assertThat(events().countDocuments()).isEqualTo(events);
    }

    @Test
    void aReplayRebuildsTheDossierViewsToTheSameContentAndSendsNoMail() throws IOException {
        importFile(http, Files.readAllBytes(TOWN_EXPORT));
        await(() -> dossiers(http).dossiers().size() == 40);
        await(() -> mail.getReceivedMessages().length == GUARDIANS_WITH_EMAIL);
        List<Document> before = views();

        http.post().uri("/api/staff/console/processors/dossiers/replay").exchange().expectStatus().isOk();

        await(() -> views().equals(before) && isCaughtUp("dossiers"));
        assertThat(views()).isEqualTo(before);
        assertThat(mail.getReceivedMessages()).hasSize(GUARDIANS_WITH_EMAIL);
        expectRefusal(http.post().uri("/api/staff/console/processors/notifications/replay").exchange(),
                      409, "PROCESSOR_NOT_REPLAYABLE");
    }

    @Test
    void theExportIsAlsoAcceptedAsTheTextOfAFormField() throws IOException {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", Files.readString(TOWN_EXPORT, StandardCharsets.UTF_8));

        http.post().uri("/api/staff/dossiers/import").body(BodyInserters.fromMultipartData(form.build())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.registered").isEqualTo(40);
    }

    @Test
    void replaysAskedForAtOnceAreStartedOnceOrRefusedNeverFailed() throws IOException {
        importFile(http, Files.readAllBytes(TOWN_EXPORT));

        List<Integer> statuses = java.util.stream.IntStream.range(0, 6).parallel()
                .mapToObj(i -> http.post().uri("/api/staff/console/processors/dossiers/replay").exchange()
                        .returnResult(String.class).getStatus().value())
                .toList();

        assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 409);
        await(() -> dossiers(http).dossiers().size() == 40 && isCaughtUp("dossiers"));
    }

    @Test
    void thePublicSpaceAndTheBackOfficeAreServedAtTheirFolders() {
        http.get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("Espace Famille"));
        http.get().uri("/staff/").exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("Importer les dossiers"));
        http.get().uri("/staff").exchange().expectStatus().isEqualTo(301)
                .expectHeader().location("/staff/");
    }

    @Test
    void anUnknownPageIsAnsweredInFrenchAndAnUnknownApiAddressInJson() {
        http.get().uri("/nulle-part.html").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).value(page -> assertThat(page).contains("Cette page n'existe pas"));
        expectRefusal(http.get().uri("/api").exchange(), 404, "NOT_FOUND");
        expectRefusal(http.get().uri("/nulle-part.html").accept(MediaType.APPLICATION_JSON).exchange(),
                      404, "NOT_FOUND");
    }

    @Test
    void aPageRefusingItsRequestAnswersWithItsStatusAndAFrenchPageOrMessage() {
        http.get().uri("/payfip-sandbox/paiement?idop=inconnue").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).value(page -> assertThat(page).contains("lang=\"fr\""));
        http.get().uri("/payfip-sandbox/paiement?idop=inconnue").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").exists()
                .jsonPath("$.message").value(message -> assertThat((String) message).isNotBlank());
    }

    @Test
    void eachSideRunsAloneAgainstTheSharedDatabase() throws IOException {
        int commandPort = portOf(start(fr.espacefamille.command.CommandSideApplication.class));
        int queryPort = portOf(start(fr.espacefamille.query.QuerySideApplication.class));
        Browser onTheQuerySide = new Browser(queryPort);
        onTheQuerySide.get("/api/session").expectStatus().isOk();
        Browser onTheCommandSide = onTheQuerySide.withSameCookiesAt(commandPort);
        logIn(onTheCommandSide);
        WebTestClient commandSide = onTheCommandSide.client();
        WebTestClient querySide = onTheCommandSide.withSameCookiesAt(queryPort).client();

        importFile(commandSide, Files.readAllBytes(TOWN_EXPORT));

        await(() -> dossiers(querySide).dossiers().size() == 40);
        commandSide.get().uri("/api/staff/dossiers").exchange().expectStatus().isNotFound();
    }

    private ConfigurableApplicationContext start(Class<?> application) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + mongo.uri(),
                "--spring.data.mongodb.database=" + databaseName,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--espace-famille.mail.welcome-on-registration=true",
                "--espace-famille.security.staff[0].username=" + STAFF_USERNAME,
                "--espace-famille.security.staff[0].password-hash={bcrypt}"
                        + new BCryptPasswordEncoder(4).encode(STAFF_PASSWORD),
                "--espace-famille.event-store.fetch-delay=20ms");
        running.add(context);
        return context;
    }

    /** A browser in which a staff member has logged in, on the portal or on the command side. */
    private static Browser staffAt(ConfigurableApplicationContext context) {
        Browser staff = new Browser(portOf(context));
        logIn(staff);
        return staff;
    }

    private static void logIn(Browser browser) {
        browser.post("/api/session", java.util.Map.of("username", STAFF_USERNAME, "password", STAFF_PASSWORD))
                .expectStatus().isOk();
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private WebTestClient.ResponseSpec postCsv(byte[] body) {
        return http.post().uri("/api/staff/dossiers/import").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(body).exchange();
    }

    private static DossierImportReport importFile(WebTestClient client, byte[] file) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", file).filename("dossiers.csv").contentType(MediaType.parseMediaType("text/csv"));
        return client.post().uri("/api/staff/dossiers/import")
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(DossierImportReport.class).returnResult().getResponseBody();
    }

    private static void expectRefusal(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.message").isNotEmpty();
    }

    private static DossierSummaries dossiers(WebTestClient client) {
        return client.get().uri("/api/staff/dossiers").exchange()
                .expectStatus().isOk()
                .expectBody(DossierSummaries.class).returnResult().getResponseBody();
    }

    private boolean isCaughtUp(String processor) {
        return Boolean.FALSE.equals(http.get().uri("/api/staff/console/processors/" + processor).exchange()
                .expectBody(Document.class).returnResult().getResponseBody().getBoolean("replaying"));
    }

    private MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    private com.mongodb.client.MongoCollection<Document> events() {
        return database().getCollection("events");
    }

    private List<Document> views() {
        List<Document> views = database().getCollection("dossier_views").find().into(new ArrayList<>());
        views.sort(java.util.Comparator.comparing(view -> view.getString("_id")));
        return views;
    }
}
