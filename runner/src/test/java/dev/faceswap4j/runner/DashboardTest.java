package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.train.LossLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    @Test
    void listensOnLoopbackUnlessAHostIsGiven() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        assertEquals("127.0.0.1", serve.host);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
