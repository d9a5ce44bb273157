package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.train.LossLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The dashboard's JSON and files over real HTTP on a free port, and nothing served from outside the work dir. */
class DashboardTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void showsAModelFolderAndServesOnlyItsPicturesAndReports() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path model = Files.createDirectories(work.resolve("runs").resolve("model"));
        try (LossLog log = LossLog.continueAfter(model, 0)) {
            for (int i = 1; i <= 20; i++) {
                Map<String, Double> losses = new LinkedHashMap<>();
                losses.put("loss_a", 1.0 / i);
                losses.put("loss_b", 0.5 / i);
                losses.put("g_a.mask", 0.1 / i);
                // A trainer's statistics, and the guard's event on one row: neither is a loss curve.
                log.append(i, losses, Map.of("grad:a", 2.0 * i), i == 15 ? "back from 19 to 14: loss_b became NaN; learning rate x0.5" : null,
                        i * 0.5);
            }
        }
        Path preview = model.resolve("preview.png");
        OpenCvImages.writeImage(Images.readBgr(TestModels.samplePhoto(2)), preview);
        Files.writeString(dir.resolve("secret.md"), "outside the work dir");
        Files.createSymbolicLink(work.resolve("link.md"), dir.resolve("secret.md"));
        Files.writeString(model.resolve("notes.txt"), "not a picture or a report");

        try (Dashboard dashboard = new Dashboard(work, "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + dashboard.port() + "/";
            assertTrue(get(base).body().contains("<canvas id=\"losses\""), "the page");

            JsonNode models = JSON.readTree(get(base + "api/models").body());
            assertEquals(1, models.size());
            assertEquals("runs/model", models.get(0).get("name").asText());

            JsonNode status = JSON.readTree(get(base + "api/status?model=runs/model").body());
            assertEquals(20, status.get("iteration").asLong());
            assertEquals(2.0, status.get("iterationsPerSecond").asDouble(), 1e-9, "one iteration per 0.5 s");
            assertTrue(status.get("checkpoint").isNull());
            assertEquals(20, status.get("losses").get("loss_b").get("y").size());
            assertEquals(0.5 / 20, status.get("losses").get("loss_b").get("y").get(19).asDouble(), 1e-6);
            assertEquals(2, status.get("losses").size(), "the losses without their parts and statistics");
            assertEquals(1, status.get("events").size());
            assertEquals(15, status.get("events").get(0).get("iteration").asLong());
            assertEquals("back from 19 to 14: loss_b became NaN; learning rate x0.5", status.get("events").get(0).get("text").asText());
            assertEquals(0.1 / 20, status.get("lossParts").get("g_a.mask").get("y").get(19).asDouble(), 1e-6);
            assertEquals("runs/model/preview.png", status.get("preview").asText());

            HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(URI.create(base + "files/runs/model/preview.png")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("content-type").orElse(""));
            assertArrayEquals(Files.readAllBytes(preview), png.body());

            for (String refused : new String[] {"files/%2e%2e/secret.md", "files/..%2fsecret.md", "files/link.md", "files/runs/model/notes.txt",
                    "files/" + dir.resolve("secret.md"), "api/status?model=..", "api/status?model=nothing"}) {
                assertEquals(404, get(base + refused).statusCode(), refused);
            }
        }
    }

    /**
     * What a hostile web page can make a browser send: its own name as Host (DNS rebinding, to read the files) and a
     * form POST from its own Origin (to start a job). Both are refused; the dashboard's own page and curl are served.
     */
    @Test
    void refusesAnotherSitesHostAndOriginAndIsNeverFramed() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("pipeline.conf"), "faceswap4j {}\n");
        Files.writeString(work.resolve("notes.md"), "private notes");
        // The job: a process that would run until stopped (the real `run` is DashboardIT's).
        try (Dashboard dashboard = new Dashboard(work, "127.0.0.1", 0, config -> List.of("sleep", "60"))) {
            int port = dashboard.port();
            Raw rebound = raw(port, "GET /files/notes.md HTTP/1.1\r\nHost: attacker.test:" + port + "\r\n");
            assertEquals(403, rebound.status(), rebound.text());
            assertFalse(rebound.text().contains("private notes"), rebound.text());
            assertEquals(403, raw(port, "GET /api/models HTTP/1.1\r\nHost: attacker.test\r\n").status());
            for (String name : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "[::1]:" + port)) {
                Raw served = raw(port, "GET /files/notes.md HTTP/1.1\r\nHost: " + name + "\r\n");
                assertEquals(200, served.status(), name + ": " + served.text());
                assertTrue(served.text().endsWith("private notes"), served.text());
            }

            String form = "config=pipeline.conf";
            String post = "POST /api/job/start HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + form.length() + "\r\n";
            Raw evil = raw(port, post + "Origin: http://evil.example\r\n", form);
            assertEquals(403, evil.status(), evil.text());
            assertTrue(evil.text().contains("a page of http://evil.example may not start or stop jobs here"), evil.text());
            assertEquals(403, raw(port, post + "Origin: null\r\n", form).status(), "a sandboxed page");
            assertFalse(JSON.readTree(get("http://127.0.0.1:" + port + "/api/job").body()).get("running").asBoolean(), "no job started");

            Raw own = raw(port, post + "Origin: http://127.0.0.1:" + port + "\r\n", form);
            assertEquals(200, own.status(), own.text());
            assertTrue(JSON.readTree(get("http://127.0.0.1:" + port + "/api/job").body()).get("running").asBoolean(), "the page's own start");
            assertEquals(403, raw(port, "POST /api/job/stop HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: http://evil.example\r\n"
                    + "Content-Length: 0\r\n").status());
            assertEquals(200, post("http://127.0.0.1:" + port + "/api/job/stop", "").statusCode(), "curl sends no Origin");

            HttpResponse<String> page = get("http://127.0.0.1:" + port + "/");
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals("frame-ancestors 'none'", page.headers().firstValue("Content-Security-Policy").orElse(""));
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("nosniff", rebound.header("X-Content-Type-Options"), "on a refusal too");
        }
    }

    @Test
    void aPortInUseIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            CommandLine cli = Main.newCommandLine();
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute("serve", "--work-dir", dir.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(Main.USER_ERROR, exit, err.toString());
            assertTrue(err.toString().startsWith("error: cannot serve on 127.0.0.1:" + taken.getLocalPort() + ": "), err.toString());
            assertTrue(err.toString().contains("choose another port with --port"), err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
        }
    }

    @Test
    void listensOnLoopbackUnlessAHostIsGiven() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        assertEquals("127.0.0.1", serve.host);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP/1.1 answer read off the socket: its status, header lines and body as text. */
    private record Raw(int status, String text) {
        String header(String name) {
            return text.lines().takeWhile(line -> !line.isEmpty()).filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse("");
        }
    }

    /** Sends {@code head} (request line and headers, each ending in CRLF) and {@code body} as they are: Java's HttpClient sets Host itself. */
    private static Raw raw(int port, String head, String... body) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            String request = head + "Connection: close\r\n\r\n" + String.join("", body);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Raw(Integer.parseInt(text.split(" ", 3)[1]), text);
        }
    }
}
