package fr.espacefamille.launcher.portal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.espacefamille.command.dossier.DossierImport;
import fr.espacefamille.events.Audit;
import fr.espacefamille.launcher.EspaceFamilleApplication;
import fr.espacefamille.platform.axon.AxonMongoConfiguration;
import fr.espacefamille.platform.testing.InMemoryMongo;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole portal on a random port, on an in-memory MongoDB, sending its e-mails to a real
 * SMTP server (GreenMail), with a clock the tests move, and Saint-Just's dossiers imported.
 * Every test class that extends it shares one application.
 */
@SpringBootTest(classes = {EspaceFamilleApplication.class, PortalTest.Clocks.class},
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        // The MongoDB and SMTP servers are given below, by @DynamicPropertySource,
                        // after the embedded default has looked for them.
                        "espace-famille.embedded.enabled=false",
                        "espace-famille.security.login-throttle.delay-step=200ms",
                        "espace-famille.security.login-throttle.per-address=200",
                        "espace-famille.security.sign-ups-per-address=500",
                        "espace-famille.mail.portal-url=http://portail.test/",
                        // Browsers of the tests keep their connections open; nothing to drain at the end.
                        "server.shutdown=immediate"
                })
abstract class PortalTest {

    static final String STAFF_USERNAME = "agent.test";
    static final String STAFF_PASSWORD = "mot de passe de l'agent de test";
    static final String PASSWORD = "trois chats sur un toit rouge";
    static final TestClock CLOCK = new TestClock(AxonMongoConfiguration.TOWN_ZONE);
    static final InMemoryMongo MONGO = InMemoryMongo.start();
    static final GreenMail MAIL = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private static final Pattern LINK_TOKEN = Pattern.compile("\\.html#jeton=([A-Za-z0-9_-]{43})");
    private static boolean dossiersImported;

    static {
        MAIL.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    DossierImport dossierImport;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", MONGO::uri);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("espace-famille.security.staff[0].username", () -> STAFF_USERNAME);
        registry.add("espace-famille.security.staff[0].password-hash",
                     () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(STAFF_PASSWORD));
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        Clock clock() {
            return CLOCK;
        }
    }

    @BeforeEach
    void importSaintJust() {
        if (!dossiersImported) {
            dossierImport.importFile(read("demo/dossiers-saint-just.csv"), Audit.IMPORT);
            dossiersImported = true;
        }
    }

    Browser browser() {
        return new Browser(port);
    }

    Browser loggedIn(String username, String password) {
        Browser browser = browser();
        browser.post("/api/session", Map.of("username", username, "password", password))
                .expectStatus().isOk();
        return browser;
    }

    Browser staff() {
        return loggedIn(STAFF_USERNAME, STAFF_PASSWORD);
    }

    /** Steps 1 to 7 of the sign-up in a new browser; returns that browser, with its sign-up session. */
    Browser signUpUntilActivationMail(String username, String email, String dossierNumber, String dossierName) {
        Browser browser = browser();
        browser.post("/api/registration", Map.of("username", username, "password", PASSWORD, "email", email))
                .expectStatus().isCreated();
        browser.post("/api/registration/dossier", Map.of("dossierNumber", dossierNumber, "dossierName", dossierName))
                .expectStatus().isOk();
        browser.post("/api/registration/validation", Map.of("termsVersion", "2026-09", "termsAccepted", true))
                .expectStatus().isAccepted();
        return browser;
    }

    /** Signs up and activates; returns a browser logged in as the new parent. */
    Browser activatedParent(String username, String email, String dossierNumber, String dossierName) {
        signUpUntilActivationMail(username, email, dossierNumber, dossierName);
        browser().post("/api/accounts/activation", Map.of("token", linkTokenSentTo(email, "activation")))
                .expectStatus().isOk();
        return loggedIn(username, PASSWORD);
    }

    /**
     * The secret of the newest link to this page ({@code activation}, {@code reinitialisation})
     * sent there, whatever other mail came to the address after it.
     */
    static String linkTokenSentTo(String email, String page) {
        return eventually(() -> newestMailTo(email, page + ".html#jeton=")
                .map(PortalTest::body)
                .map(body -> {
                    Matcher matcher = LINK_TOKEN.matcher(body);
                    return matcher.find() ? matcher.group(1) : null;
                }), "a " + page + " link sent to " + email);
    }

    static int mailsTo(String email) {
        return (int) Arrays.stream(MAIL.getReceivedMessages()).filter(message -> isTo(message, email)).count();
    }

    /** A mail to this address whose text contains the words, whichever came last. */
    static Optional<MimeMessage> mailTo(String email, String words) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> isTo(m, email) && body(m).contains(words))
                .findFirst();
    }

    static Optional<MimeMessage> newestMailTo(String email) {
        return newestMailTo(email, "");
    }

    /** The newest mail to this address whose text contains the words. */
    static Optional<MimeMessage> newestMailTo(String email, String words) {
        List<MimeMessage> messages = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> isTo(m, email) && body(m).contains(words))
                .toList();
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
    }

    static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for what the query side builds after the events; fails after ten seconds. */
    static <T> T eventually(Supplier<Optional<T>> probe, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            sleep(50);
        }
        throw new AssertionError("Waited in vain for " + what);
    }

    static void eventually(Runnable assertion) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                sleep(50);
            }
        }
    }

    private static boolean isTo(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(email));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertRefused(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response,
                              int status, String code) {
        response.expectStatus().isEqualTo(status).expectBody().jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.message").value(message -> assertThat((String) message).isNotBlank());
    }
}
