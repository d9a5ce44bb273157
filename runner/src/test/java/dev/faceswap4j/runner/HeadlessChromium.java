package dev.faceswap4j.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real headless Chromium showing one page, driven over the DevTools protocol (JDK WebSocket, Jackson):
 * scripts evaluated in the page, as a user's clicks and reading would be.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process browser;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** The chromium on the PATH ({@code ./build.sh test} installs Debian's). */
    static Optional<Path> find() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(folder -> List.of("chromium", "chromium-browser").stream().map(name -> Path.of(folder, name)))
                .filter(Files::isExecutable).findFirst();
    }

    HeadlessChromium(Path chromium, String url, Path profile) throws Exception {
        browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, url).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // Chromium writes the port it took into the profile folder.
        Path portFile = profile.resolve("DevToolsActivePort");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.isRegularFile(portFile) && Files.size(portFile) > 0) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        String port = Files.readAllLines(portFile).get(0).strip();
        HttpClient http = HttpClient.newHttpClient();
        String page = null;
        while (page == null && System.nanoTime() < end) {
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode target : targets) {
                if (target.path("type").asText().equals("page")) {
                    page = target.get("webSocketDebuggerUrl").asText();
                }
            }
            Thread.sleep(200);
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Answers()).get(30, TimeUnit.SECONDS);
        // The tab first holds about:blank, whose readyState is already "complete": wait for the page itself.
        String loaded = JSON.writeValueAsString(url) + " complete";
        await("JSON.stringify(location.href) + ' ' + document.readyState", loaded::equals, 60);
    }

    /** The value of {@code expression} evaluated in the page, as text. */
    String eval(String expression) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        String message = JSON.writeValueAsString(Map.of("id", id, "method", "Runtime.evaluate",
                "params", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true)));
        socket.sendText(message, true).get(30, TimeUnit.SECONDS);
        JsonNode result = answer.get(30, TimeUnit.SECONDS);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("page script failed: " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value").asText();
    }

    /** Evaluates {@code expression} once a second until {@code done} says so; the last value. */
    String await(String expression, java.util.function.Predicate<String> done, long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String value = null;
        while (System.nanoTime() < end) {
            value = eval(expression);
            if (done.test(value)) {
                return value;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("page never showed it in " + seconds + " s: " + expression + " last '" + value + "'");
    }

    private final class Answers implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    CompletableFuture<JsonNode> answer = message.has("id") ? answers.remove(message.get("id").asInt()) : null;
                    if (answer != null) {
                        answer.complete(message.path("result"));
                    }
                } catch (Exception e) {
                    answers.values().forEach(a -> a.completeExceptionally(e));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        browser.destroy();
        if (!browser.waitFor(30, TimeUnit.SECONDS)) {
            browser.destroyForcibly();
        }
    }
}
