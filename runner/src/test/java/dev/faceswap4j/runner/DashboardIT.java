package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.train.ModelDir;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faceswap4j serve} through the launcher: start a real {@code run} from the dashboard, watch it train, refuse a
 * second job, stop it as Ctrl-C would and find the checkpoint of the iteration it stopped at; the same by the page's
 * buttons in a headless Chromium.
 */
class DashboardIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void startsWatchesAndStopsATrainingWithACheckpoint() throws Exception {
        Path work = workDir();
        Process serve = serve(work);
        try {
            String base = "http://127.0.0.1:" + port(serve) + "/";
            HttpResponse<String> started = post(base + "api/job/start", "config=pipeline.conf");
            assertEquals(200, started.statusCode(), started.body());
            HttpResponse<String> second = post(base + "api/job/start", "config=pipeline.conf");
            assertEquals(409, second.statusCode());
            assertTrue(JSON.readTree(second.body()).get("error").asText().startsWith("a job is running (pipeline.conf"), second.body());

            JsonNode training = await(base + "api/status?model=run/model", s -> s.path("iteration").asLong() >= 7, 300);
            assertTrue(training.get("losses").has("loss_a"), training.toString());
            assertEquals(100000, training.get("targetIteration").asLong());
            double eta = training.get("etaSeconds").asDouble();
            double expected = (100000 - training.get("iteration").asLong()) / training.get("iterationsPerSecond").asDouble();
            assertEquals(expected, eta, 1e-6 * expected, "ETA from the speed and the target");

            HttpResponse<String> stop = post(base + "api/job/stop", "");
            assertEquals(200, stop.statusCode(), stop.body());
            JsonNode ended = await(base + "api/job", job -> !job.get("running").asBoolean(), 180);
            JsonNode status = JSON.readTree(get(base + "api/status?model=run/model").body());
            long iteration = status.get("iteration").asLong();
            assertTrue(iteration >= 7, status.toString());
            // The last step trained is checkpointed, whatever checkpoint-every says: the stop was Ctrl-C's clean one.
            assertEquals(iteration, status.get("checkpoint").asLong(), "checkpoint of the last iteration; job log: " + ended.get("log"));
            assertEquals(409, post(base + "api/job/stop", "").statusCode(), "nothing left to stop");

            // Starting again resumes the checkpoint (run continues a model short of its iterations).
            assertEquals(200, post(base + "api/job/start", "config=pipeline.conf").statusCode());
            await(base + "api/status?model=run/model", s -> s.path("iteration").asLong() >= iteration + 3, 300);
            assertEquals(200, post(base + "api/job/stop", "").statusCode());
            JsonNode resumed = await(base + "api/job", job -> !job.get("running").asBoolean(), 180);
            JsonNode after = JSON.readTree(get(base + "api/status?model=run/model").body());
            assertEquals(after.get("iteration").asLong(), after.get("checkpoint").asLong(), "job log: " + resumed.get("log"));
            String csv = Files.readString(work.resolve("run").resolve("model").resolve("losses.csv"));
            assertEquals(after.get("iteration").asLong(), csv.lines().skip(1).count(), "one row per iteration, none twice: resumed, not restarted");
        } finally {
            serve.destroy();
            serve.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** A dashboard killed with -9 takes its job with it (with a checkpoint); the next dashboard's job resumes it. */
    @Test
    void aJobEndsWithItsServerAndTheNextServerResumesIt() throws Exception {
        Path work = workDir();
        Process serve = serve(work);
        ProcessHandle job;
        try {
            String base = "http://127.0.0.1:" + port(serve) + "/";
            assertEquals(200, post(base + "api/job/start", "config=pipeline.conf").statusCode());
            await(base + "api/status?model=run/model", s -> s.path("iteration").asLong() >= 3, 300);
            job = serve.toHandle().children().findFirst().orElseThrow(() -> new AssertionError("no job process"));
        } finally {
            serve.destroyForcibly();
            serve.waitFor(60, TimeUnit.SECONDS);
        }
        assertTrue(job.onExit().get(300, TimeUnit.SECONDS) != null && !job.isAlive(), "the job ends with its server");
        Path model = work.resolve("run").resolve("model");
        long saved = new ModelDir(model).latest().orElseThrow().iteration();
        assertEquals(saved, Files.readAllLines(model.resolve("losses.csv")).size() - 1, "it saved the iteration it stopped at");

        Process again = serve(work);
        try {
            String base = "http://127.0.0.1:" + port(again) + "/";
            assertFalse(JSON.readTree(get(base + "api/job").body()).get("running").asBoolean());
            assertEquals(200, post(base + "api/job/start", "config=pipeline.conf").statusCode());
            await(base + "api/status?model=run/model", s -> s.path("iteration").asLong() >= saved + 2, 300);
            assertEquals(200, post(base + "api/job/stop", "").statusCode());
            JsonNode ended = await(base + "api/job", j -> !j.get("running").asBoolean(), 180);
            long resumed = new ModelDir(model).latest().orElseThrow().iteration();
            assertEquals(resumed, Files.readAllLines(model.resolve("losses.csv")).size() - 1, "resumed, one row per iteration: " + ended.get("log"));
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void thePageStartsWatchesAndStopsATraining() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium on the PATH (./build.sh test installs it)");
        Path work = workDir();
        Process serve = serve(work);
        try (HeadlessChromium page = new HeadlessChromium(chromium.get(), "http://127.0.0.1:" + port(serve) + "/",
                Files.createDirectories(dir.resolve("profile")))) {
            page.eval("document.getElementById('config').value = 'pipeline.conf'; document.getElementById('start').click(); 'clicked'");
            page.await("document.getElementById('job-state').textContent", state -> state.startsWith("running pipeline.conf"), 30);
            page.await("document.getElementById('model').value", "run/model"::equals, 300);
            page.await("Number(document.getElementById('iteration').textContent) >= 7", "true"::equals, 300);
            assertEquals("2", page.eval("document.getElementById('losses').dataset.series"), "both loss curves drawn");
            assertEquals("100000", page.eval("document.getElementById('target').textContent"));
            assertTrue(page.eval("document.getElementById('eta').textContent").matches("(\\d+ h )?(\\d+ min )?\\d+ s"), "an ETA");
            String preview = page.await("document.getElementById('preview').getAttribute('src') || ''", src -> !src.isEmpty(), 30);
            assertTrue(preview.startsWith("files/run/model/preview.png?t="), preview);
            page.await("document.getElementById('preview').getAttribute('src')", src -> !src.equals(preview), 300);

            page.eval("document.getElementById('stop').click(); 'clicked'");
            page.await("document.getElementById('job-state').textContent", state -> state.startsWith("ended: pipeline.conf"), 180);
            String iteration = page.await("document.getElementById('iteration').textContent", text -> Long.parseLong(text) >= 7, 30);
            page.await("document.getElementById('checkpoint').textContent", iteration::equals, 30);
            assertEquals("–", page.eval("document.getElementById('eta').textContent"), "no ETA once stopped");
        } finally {
            serve.destroy();
            serve.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** A work dir with a pipeline.conf: the sample photos' two people, a small autoencoder, a checkpoint every 5 iterations. */
    private Path workDir() throws Exception {
        Launcher.fetchModels();
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("pipeline.conf"), String.join("\n",
                "faceswap4j {",
                "  extract.largest-only = true",
                "  convert.largest-only = true",
                "  run { a = \"" + TestModels.samplePhoto(2) + "\", b = \"" + TestModels.samplePhoto(3) + "\", work-dir = \"" + work.resolve("run")
                        + "\" }",
                "  train { iterations = 100000, batch-size = 4, checkpoint-every = 5, preview-every = 5, seed = 1 }",
                "  models.autoencoder { encoder-filters = [32, 64, 128, 256], encoder-dim = 256, bottleneck-filters = 128,"
                        + " decoder-filters = [64, 32, 16] }",
                "}"));
        return work;
    }

    private static Process serve(Path work) throws Exception {
        return new ProcessBuilder(Launcher.stagedDistribution().resolve("bin/faceswap4j").toString(), "serve", "--work-dir",
                work.toString(), "--port", "0").redirectErrorStream(true).start();
    }

    /** The port from serve's first line ("dashboard of DIR: http://127.0.0.1:PORT/ ..."). */
    private static int port(Process serve) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        Pattern url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = url.matcher(line);
            if (m.find()) {
                // Keep reading its output so the process never blocks on a full pipe.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("serve ended without printing its address (exit " + serve.waitFor() + ")");
    }

    private static JsonNode await(String url, Predicate<JsonNode> done, long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode last = null;
        while (System.nanoTime() < end) {
            HttpResponse<String> response = get(url);
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("not reached in " + seconds + " s: " + url + " last " + last);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
