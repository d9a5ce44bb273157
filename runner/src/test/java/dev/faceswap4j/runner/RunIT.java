package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faceswap4j run} and {@code convert} through the launcher on two people of the sample photos,
 * with a reduced-width autoencoder trained for a few iterations: every stage runs, a second run
 * skips them all, only the face changes, and a video keeps its frames, rate and audio.
 */
class RunIT {

    @TempDir
    Path dir;

    @Test
    void runsTheWholeJobThenSkipsItAndConvertsAVideoWithSound() throws Exception {
        Launcher.fetchModels();
        Path a = TestModels.samplePhoto(2);
        Path work = dir.resolve("work");
        Path config = Files.writeString(dir.resolve("pipeline.conf"), String.join("\n",
                "faceswap4j {",
                "  extract.largest-only = true",
                "  convert.largest-only = true",
                "  run { a = \"" + a + "\", b = \"" + TestModels.samplePhoto(3) + "\", work-dir = \"" + work + "\" }",
                "  train { iterations = 6, batch-size = 4, checkpoint-every = 6, preview-every = 6, seed = 1 }",
                "  models.autoencoder { encoder-filters = [32, 64, 128, 256], encoder-dim = 256, bottleneck-filters = 128,"
                        + " decoder-filters = [64, 32, 16] }",
                "}"));

        Launcher.Result run = Launcher.run(Launcher.stagedDistribution(), 600, "run", "--config", config.toString(), "--no-progress");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("faces of A: 1 frames, 1 faces"), run.out());
        assertTrue(run.out().contains("trained at iteration 6"), run.out());
        assertTrue(Files.size(work.resolve("model").resolve("losses.png")) > 0, "losses.png beside losses.csv");
        Path swapped = work.resolve("swapped.png");
        assertTrue(run.out().contains("converted 1 frames, 1 faces swapped"), run.out());

        Image before = Images.readBgr(a);
        Image after = Images.readBgr(swapped);
        assertEquals(before.width(), after.width());
        assertEquals(before.height(), after.height());
        Rect face = Alignments.read(work.resolve("faces-a").resolve(Alignments.FILE_NAME)).frames().get(0).faces().get(0).box();
        int changedInside = 0;
        int changedFarAway = 0;
        for (int y = 0; y < before.height(); y++) {
            for (int x = 0; x < before.width(); x++) {
                boolean differs = before.get(x, y, 0) != after.get(x, y, 0) || before.get(x, y, 1) != after.get(x, y, 1)
                        || before.get(x, y, 2) != after.get(x, y, 2);
                if (!differs) {
                    continue;
                }
                if (face.contains(x, y)) {
                    changedInside++;
                } else if (Math.abs(x - face.center().x()) > face.width() && Math.abs(y - face.center().y()) > face.height()) {
                    changedFarAway++;
                }
            }
        }
        assertTrue(changedInside > 0.2 * face.area(), "pixels changed in the face box: " + changedInside);
        assertEquals(0, changedFarAway, "pixels changed far from the face");
        Image sheet = Images.readBgr(work.resolve("swapped-before-after.png"));
        assertEquals(2 * before.width(), sheet.width());

        Launcher.Result again = Launcher.run(Launcher.stagedDistribution(), 300, "run", "--config", config.toString(), "--no-progress");
        assertEquals(0, again.exit(), again.err());
        for (String skipped : List.of("faces of A: up to date", "faces of B: up to date", "model: up to date", "converted: up to date")) {
            assertTrue(again.out().contains(skipped), again.out());
        }

        // A short video of the same face, moving, with sound.
        int side = (int) (2.5 * face.width()) / 2 * 2;
        int left = (int) Math.max(0, face.center().x() - side / 2.0);
        int top = (int) Math.max(0, face.center().y() - side / 2.0);
        Path video = TestVideos.withAudio(dir.resolve("clip.mp4"), 12, 24, i -> crop(before, left + 2 * i, top, side, side));
        Path converted = dir.resolve("clip-swapped.mp4");
        Launcher.Result convert = Launcher.run(Launcher.stagedDistribution(), 300, "convert", "--input", video.toString(),
                "--model-dir", work.resolve("model").toString(), "--output", converted.toString(), "--no-progress");
        assertEquals(0, convert.exit(), convert.err());
        // Converted without the training's config: the log names the checkpoint's widths, not the defaults.
        assertTrue(convert.err().contains("autoencoder on cpu() (64 px, encoder [32, 64, 128, 256]/256/128, decoders [64, 32, 16])"),
                convert.err());
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(converted.toFile())) {
            grabber.start();
            assertEquals(24, grabber.getFrameRate(), 1e-6);
            int frames = 0;
            while (grabber.grabImage() != null) {
                frames++;
            }
            assertEquals(12, frames);
        }
        Image beforeAfter = Images.readBgr(dir.resolve("clip-swapped-before-after.png"));
        assertEquals(2 * side, beforeAfter.width(), "input | result");
        assertEquals(3 * side, beforeAfter.height(), "three frames of the video, one row each");
        List<byte[]> audioIn = TestVideos.audioPackets(video);
        List<byte[]> audioOut = TestVideos.audioPackets(converted);
        assertEquals(audioIn.size(), audioOut.size());
        for (int i = 0; i < audioIn.size(); i++) {
            assertArrayEquals(audioIn.get(i), audioOut.get(i), "audio packet " + i);
        }

        Launcher.Result noModel = Launcher.run(Launcher.stagedDistribution(), 120, "convert", "--input", video.toString(),
                "--model-dir", dir.resolve("empty").toString(), "--output", dir.resolve("never.mp4").toString());
        assertEquals(2, noModel.exit());
        assertEquals("error: model-dir " + dir.resolve("empty") + " holds no checkpoint; run train first\n", noModel.err());
        assertFalse(Files.exists(dir.resolve("never.mp4")));
    }

    private static Image crop(Image image, int x, int y, int width, int height) {
        byte[] pixels = new byte[width * height * 3];
        for (int row = 0; row < height; row++) {
            System.arraycopy(image.pixels(), ((y + row) * image.width() + x) * 3, pixels, row * width * 3, width * 3);
        }
        return new Image(width, height, ChannelOrder.BGR, pixels);
    }
}
