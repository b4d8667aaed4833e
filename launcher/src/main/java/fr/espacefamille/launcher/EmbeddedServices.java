package fr.espacefamille.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.espacefamille.platform.embedded.OrderedIndexH2Backend;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts an in-process MongoDB server and SMTP server when none is configured.
 *
 * <ul>
 *   <li>MongoDB: unless {@code spring.data.mongodb.uri} or {@code spring.data.mongodb.host} is
 *   set, a {@code mongo-java-server} on a free local port, with its H2 file backend under
 *   {@code espace-famille.data-dir} (default {@code ./data}) so that a restart loses nothing;
 *   {@code espace-famille.embedded.mongo-backend=memory} keeps it in memory instead (tests).
 *   The demo dossiers are then imported at start-up, and a demo staff account
 *   ({@value #DEMO_STAFF_USERNAME}) is provisioned unless staff accounts are configured.</li>
 *   <li>SMTP: unless {@code spring.mail.host} is set, a GreenMail server that accepts every
 *   message; {@link DevMailController} shows them at {@code /dev/mails}.</li>
 * </ul>
 *
 * <p>Both servers are closed with the application context, after the processors have stopped.
 * {@code espace-famille.embedded.enabled=false} starts neither and changes no setting: for an
 * application given its servers later than this runs, as a test's dynamic properties are.
 */
public class EmbeddedServices implements EnvironmentPostProcessor, Ordered {

    /** The demo staff account of the embedded portal; its password, in the README, is {@code Agent-Demo-Saint-Just}. */
    static final String DEMO_STAFF_USERNAME = "agent.demo";
    private static final String DEMO_STAFF_PASSWORD_HASH =
            "{argon2}$argon2id$v=19$m=19456,t=2,p=1$I7bvpM5LwwwwJfdBbTp/Pg$Ay/aAQ1YCRu2MEGU6zyKKO9wW3UBefEKvBUKSy26IyY";

    private final Log logger;

    /** Boot gives post-processors a log that is written once logging is set up. */
    public EmbeddedServices(DeferredLogFactory logFactory) {
        this.logger = logFactory.getLog(EmbeddedServices.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!isLauncher(application)
                || !environment.getProperty("espace-famille.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        if (!environment.containsProperty("spring.data.mongodb.uri")
                && !environment.containsProperty("spring.data.mongodb.host")) {
            MongoServer mongo = startMongo(environment);
            InetSocketAddress address = mongo.getLocalAddress();
            properties.put("spring.data.mongodb.uri", "mongodb://127.0.0.1:" + address.getPort());
            // The in-process server is this process's own: no other node appends to it.
            properties.put("espace-famille.event-store.single-writer", "true");
            properties.put("espace-famille.demo-data.enabled",
                           environment.getProperty("espace-famille.demo-data.enabled", "true"));
            properties.put("espace-famille.mail.welcome-on-registration",
                           environment.getProperty("espace-famille.mail.welcome-on-registration", "true"));
            logger.info("Embedded MongoDB server on port [" + address.getPort() + "]");
            if (!environment.containsProperty("espace-famille.security.staff[0].username")) {
                properties.put("espace-famille.security.staff[0].username", DEMO_STAFF_USERNAME);
                properties.put("espace-famille.security.staff[0].password-hash", DEMO_STAFF_PASSWORD_HASH);
                logger.warn("Demo staff account [" + DEMO_STAFF_USERNAME + "] enabled, with the password written in "
                                    + "the README: configure espace-famille.security.staff before real use");
            }
            closeWithContext(application, "embeddedMongoServer", mongo::shutdown);
        }
        if (!environment.containsProperty("spring.mail.host")) {
            int port = environment.getProperty("espace-famille.embedded.smtp-port", Integer.class, freePort());
            GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", port);
            application.addInitializers(context -> context.getBeanFactory()
                    .registerSingleton("embeddedMail", new EmbeddedMail(mail)));
            closeWithContext(application, "embeddedMailServer", mail::stop);
            logger.info("Embedded SMTP server on port [" + port + "]; received mail is shown at /dev/mails");
            if (!environment.containsProperty("server.address")) {
                // The mail page shows every activation and reset link: this machine only.
                properties.put("server.address", "127.0.0.1");
                logger.info("With the embedded mail page, the portal listens on this machine only (127.0.0.1); "
                                    + "set server.address to open it to others");
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("embedded-services", properties));
    }

    private static boolean isLauncher(SpringApplication application) {
        return application.getAllSources().contains(EspaceFamilleApplication.class);
    }

    private MongoServer startMongo(ConfigurableEnvironment environment) {
        String backendName = environment.getProperty("espace-famille.embedded.mongo-backend", "h2");
        MongoBackend backend;
        if ("memory".equals(backendName)) {
            backend = new MemoryBackend();
        } else {
            Path dataDir = Path.of(environment.getProperty("espace-famille.data-dir", "data"));
            int cacheMegabytes = environment.getProperty("espace-famille.embedded.mongo-cache-mb", Integer.class,
                                                         OrderedIndexH2Backend.defaultCacheMegabytes());
            backend = new OrderedIndexH2Backend(createDirectories(dataDir).resolve("mongo.mv").toString(),
                                                cacheMegabytes);
            logger.info("Embedded MongoDB server keeps its data in [" + dataDir.toAbsolutePath()
                                + "], with a page cache of [" + Math.max(1, cacheMegabytes) + "] MB");
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", environment.getProperty("espace-famille.embedded.mongo-port", Integer.class, 0));
        return server;
    }

    private static void closeWithContext(SpringApplication application, String name, Runnable close) {
        application.addInitializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean(name, close::run));
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + directory.toAbsolutePath(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
