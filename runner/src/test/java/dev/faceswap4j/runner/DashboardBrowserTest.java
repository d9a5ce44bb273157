package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.train.LossLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard page in a real headless Chromium (installed by {@code ./build.sh test}): after its scripts ran, the
 * page shows the iteration, draws both loss curves and the preview, and shows the newer figures and preview as training
 * goes on.
 */
class DashboardBrowserTest {

    @TempDir
    Path dir;

    @Test
    void thePageShowsTrainingAndFollowsIt() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        assumeTrue(chromium.isPresent(), "no chromium on the PATH (./build.sh test installs it)");
        Path work = Files.createDirectories(dir.resolve("work"));
        Path model = Files.createDirectories(work.resolve("model"));
        Path preview = model.resolve("preview.png");
        OpenCvImages.writeImage(Images.readBgr(TestModels.samplePhoto(2)), preview);
        train(model, 1, 20);

        try (Dashboard dashboard = new Dashboard(work, "127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + dashboard.port() + "/";
            String first = render(chromium.get(), url);
            assertEquals("20", element(first, "b", "iteration"), first);
            assertEquals("2.00", element(first, "b", "speed"));
            Matcher canvas = Pattern.compile("<canvas id=\"losses\"[^>]*data-series=\"2\"[^>]*data-points=\"(\\d+)\"").matcher(first);
            assertTrue(canvas.find(), "both loss curves drawn: " + first);
            assertEquals("40", canvas.group(1));
            assertTrue(Pattern.compile("<section id=\"parts-section\">").matcher(first).find(), "the parts' chart is shown: " + first);
            assertTrue(Pattern.compile("<canvas id=\"loss-parts\"[^>]*data-series=\"2\"[^>]*data-points=\"40\"").matcher(first).find(),
                    "both parts drawn apart from the losses: " + first);
            String firstPreview = previewSource(first);
            assertTrue(firstPreview.startsWith("files/model/preview.png?t="), firstPreview);

            // Training goes on: more losses, a new preview sheet.
            train(model, 21, 30);
            OpenCvImages.writeImage(Images.readBgr(TestModels.samplePhoto(3)), preview);
            Files.setLastModifiedTime(preview, FileTime.fromMillis(Files.getLastModifiedTime(preview).toMillis() + 5_000));
            String later = render(chromium.get(), url);
            assertEquals("30", element(later, "b", "iteration"));
            assertNotEquals(firstPreview, previewSource(later), "the new preview is shown");
            assertTrue(later.contains("<li class=\"event\">iteration 25: back from 27 to 24: loss_b became NaN; learning rate x0.5</li>"),
                    "the guard's roll-back is listed: " + later);
        }
    }

    private static void train(Path model, int from, int to) {
        try (LossLog log = LossLog.continueAfter(model, from - 1)) {
            for (int i = from; i <= to; i++) {
                Map<String, Double> losses = new LinkedHashMap<>();
                losses.put("loss_a", 1.0 / i);
                losses.put("loss_b", 0.5 / i);
                losses.put("g_a.adversarial", 0.2 / i);
                losses.put("g_a.mask", 0.1 / i);
                log.append(i, losses, Map.of(), i == 25 ? "back from 27 to 24: loss_b became NaN; learning rate x0.5" : null, i * 0.5);
            }
        }
    }

    /** The page's DOM once its scripts have run (Chromium's virtual time lets the fetches finish). */
    private String render(Path chromium, String url) throws Exception {
        Path out = Files.createTempFile(dir, "dom", ".html");
        Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--dump-dom", url)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(browser.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, browser.exitValue());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String element(String dom, String tag, String id) {
        Matcher m = Pattern.compile("<" + tag + " id=\"" + id + "\">([^<]*)</" + tag + ">").matcher(dom);
        assertTrue(m.find(), "no #" + id + " in " + dom);
        return m.group(1);
    }

    private static String previewSource(String dom) {
        Matcher m = Pattern.compile("<img id=\"preview\"[^>]*src=\"([^\"]+)\"").matcher(dom);
        assertTrue(m.find(), "no preview image in " + dom);
        return m.group(1).replace("&amp;", "&");
    }
}
