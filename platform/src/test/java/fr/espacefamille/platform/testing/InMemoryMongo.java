package fr.espacefamille.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * An in-process MongoDB wire-protocol server on a free local port, for tests.
 *
 * <p>Use one per test class and point Spring at it:
 * <pre>
 * static final InMemoryMongo mongo = InMemoryMongo.start();
 *
 * &#64;DynamicPropertySource
 * static void mongo(DynamicPropertyRegistry registry) {
 *     registry.add("spring.data.mongodb.uri", mongo::uri);
 * }
 * </pre>
 */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server;
    private final String uri;

    private InMemoryMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.uri = "mongodb://127.0.0.1:" + address.getPort();
    }

    public static InMemoryMongo start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return new InMemoryMongo(server, server.getLocalAddress());
    }

    public String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
