package fr.espacefamille.launcher.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's Chromium without a screen, driven through its DevTools protocol: one tab at a phone's
 * width that opens pages of the portal and evaluates scripts in them, as a person's phone would
 * run the web client.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket tab;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, String tabUrl) {
        this.process = process;
        this.profile = profile;
        this.tab = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(tabUrl), new Answers()).join();
    }

    static boolean isInstalled() {
        return Files.isExecutable(BINARY);
    }

    /** A browser whose tab is a phone screen of this width and height, in CSS pixels. */
    static HeadlessChromium phone(int width, int height) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            Process process = new ProcessBuilder(BINARY.toString(), "--headless=new", "--no-sandbox",
                                                 "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                                 "--remote-debugging-port=0", "--remote-allow-origins=*",
                                                 "--user-data-dir=" + profile, "about:blank")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String browserUrl = devToolsUrl(process);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, firstTab(browserUrl));
            chromium.call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                                                                       "deviceScaleFactor", 1, "mobile", true));
            return chromium;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the page and waits until it has loaded. */
    void open(String url) {
        call("Page.navigate", Map.of("url", url));
        waitUntil("document.readyState === 'complete' && location.href === " + quoted(url));
    }

    /** The value of a script's last expression, after its promise if it gives one. */
    JsonNode evaluate(String script) {
        JsonNode answer = call("Runtime.evaluate", Map.of("expression", script, "awaitPromise", true,
                                                          "returnByValue", true));
        if (answer.has("exceptionDetails")) {
            throw new AssertionError("The script failed in the page: " + answer.get("exceptionDetails"));
        }
        return answer.path("result").path("value");
    }

    /** Waits, up to 20 seconds, until the condition holds in the page. */
    void waitUntil(String condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            JsonNode answer = call("Runtime.evaluate", Map.of("expression", "Boolean(" + condition + ")",
                                                              "returnByValue", true));
            if (answer.path("result").path("value").asBoolean(false)) {
                return;
            }
            pause();
        }
        throw new AssertionError("Waited in vain in the page for: " + condition);
    }

    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode call(String method, Map<String, Object> parameters) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        try {
            tab.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", parameters)), true)
                    .join();
            JsonNode message = answer.get(30, TimeUnit.SECONDS);
            if (message.has("error")) {
                throw new AssertionError(method + " failed: " + message.get("error"));
            }
            return message.path("result");
        } catch (Exception e) {
            throw new AssertionError(method + " failed", e);
        } finally {
            answers.remove(id);
        }
    }

    private static String devToolsUrl(Process process) throws IOException {
        BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                                                                         StandardCharsets.UTF_8));
        for (String line = errors.readLine(); line != null; line = errors.readLine()) {
            Matcher matcher = DEVTOOLS.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> errors.lines().forEach(ignored -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("Chromium stopped before it opened its DevTools port");
    }

    private static String firstTab(String browserUrl) throws IOException {
        URI browser = URI.create(browserUrl);
        URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
        try {
            HttpResponse<String> tabs = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(list).timeout(Duration.ofSeconds(10)).build(),
                          HttpResponse.BodyHandlers.ofString());
            for (JsonNode tab : JSON.readTree(tabs.body())) {
                if ("page".equals(tab.path("type").asText())) {
                    return tab.path("webSocketDebuggerUrl").asText();
                }
            }
            throw new IllegalStateException("Chromium opened no tab");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        tab.abort();
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary folder does no harm.
        }
    }

    /** Gathers the protocol's answers, which may come in several frames, and hands each to its call. */
    private final class Answers implements WebSocket.Listener {

        private final StringBuilder frames = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            frames.append(data);
            if (last) {
                String text = frames.toString();
                frames.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    CompletableFuture<JsonNode> answer = answers.get(message.path("id").asInt(-1));
                    if (answer != null) {
                        answer.complete(message);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            socket.request(1);
            return null;
        }
    }
}
