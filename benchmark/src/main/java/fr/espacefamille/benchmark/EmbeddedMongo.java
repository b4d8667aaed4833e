package fr.espacefamille.benchmark;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.espacefamille.platform.embedded.OrderedIndexH2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The in-process MongoDB server as the launcher runs it: {@code mongo-java-server} on a free
 * local port, with its H2 file backend in a temporary data folder (deleted on close), or in
 * memory.
 */
final class EmbeddedMongo implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;
    private final MongoBackend backend;
    private final Path dataDir;

    private EmbeddedMongo(MongoServer server, MongoBackend backend, Path dataDir) {
        this.server = server;
        this.backend = backend;
        this.dataDir = dataDir;
    }

    static EmbeddedMongo start(BenchmarkOptions.Backend backendKind) {
        Path dataDir = backendKind == BenchmarkOptions.Backend.H2 ? temporaryFolder() : null;
        MongoBackend backend = dataDir == null ? new MemoryBackend()
                                               : new OrderedIndexH2Backend(dataDir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        logger.info("Embedded MongoDB server on port [{}], data in [{}]", server.getLocalAddress().getPort(),
                    dataDir == null ? "memory" : dataDir);
        return new EmbeddedMongo(server, backend, dataDir);
    }

    /**
     * Writes what the H2 file backend still holds in memory, so that a measurement that follows
     * does not share the machine with its background writer catching up on a fill (a third of a
     * core for a few seconds after 100,000 events). Nothing to do in memory.
     */
    void settle() {
        if (backend instanceof H2Backend h2) {
            h2.getMvStore().commit();
        }
    }

    String uri() {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    String describe() {
        return dataDir == null ? "memory backend" : "H2 file backend in " + dataDir;
    }

    /** Bytes in the data folder, or -1 on the memory backend. */
    long dataSize() {
        if (dataDir == null) {
            return -1;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).mapToLong(EmbeddedMongo::sizeOf).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        if (dataDir != null) {
            deleteRecursively(dataDir);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("espace-famille-benchmark-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary data folder", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            logger.warn("Could not delete the data folder [{}]", folder, e);
        }
    }
}
