package fr.espacefamille.benchmark.planning;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.espacefamille.platform.embedded.OrderedIndexH2Backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The in-process MongoDB server ({@code mongo-java-server}) in a JVM of its own, as MongoDB runs
 * beside the portal in the deployment.
 *
 * <p>Its memory backend holds every document on the Java heap: at 10,000 children that is
 * several gigabytes, which in the portal's own JVM made each young collection copy and scan
 * them (pauses of 200 to 400 ms every second or so, a third of the wave). In a process of its
 * own, the portal's collector sees only the portal's objects. {@code --server=in-process} runs
 * it in the benchmark's JVM instead.
 *
 * <p>{@link #main} is the child: it prints its port on the first line of its output and stops
 * when its input closes, that is when the benchmark's JVM ends, however it ends.
 */
final class MongoServerProcess implements AutoCloseable {

    private static final String PORT_LINE = "mongo-java-server port ";

    private final Process process;
    private final int port;

    private MongoServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server in a child JVM on the benchmark's class path, with this heap. */
    static MongoServerProcess start(String backend, String heap) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(
                java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                "-Dloader.main=" + MongoServerProcess.class.getName(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", backend))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                                                                         StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(PORT_LINE)) {
                drain(output);
                return new MongoServerProcess(process, Integer.parseInt(line.substring(PORT_LINE.length()).trim()));
            }
        }
        process.destroyForcibly();
        throw new IOException("The MongoDB server process ended before it gave its port");
    }

    /** Reads and drops the server's log, which would otherwise fill the pipe and block it. */
    private static void drain(BufferedReader output) {
        Thread reader = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // dropped
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "mongo-server-output");
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws IOException {
        boolean h2 = "h2".equals(args.length > 0 ? args[0] : "memory");
        MongoBackend backend = h2 ? new OrderedIndexH2Backend(Files.createTempDirectory("planning-benchmark")
                                                                   .resolve("mongo.mv").toString())
                                  : new MemoryBackend();
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        System.out.println(PORT_LINE + server.getLocalAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // The benchmark never writes; the end of input is its end.
        }
        server.shutdownNow();
    }
}
