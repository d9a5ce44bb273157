package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.compare.ComparisonReport;
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
 * {@code faceswap4j compare} through the launcher: an autoencoder and a faceswap-GAN (reduced widths,
 * a few iterations each) on faces of the sample photos, held-out faces through both: grid, table,
 * side-by-side clip; an existing report is kept without --overwrite.
 */
class CompareIT {

    private static final String LITE = String.join("\n",
            "faceswap4j {",
            "  train { batch-size = 2, checkpoint-every = 100, preview-every = 100, seed = 1 }",
            "  models.autoencoder { encoder-filters = [32, 64, 128, 256], encoder-dim = 256, bottleneck-filters = 128,"
                    + " decoder-filters = [64, 32, 16] }",
            "  models.faceswap-gan { encoder-filters = [32, 64, 128, 256], encoder-dim = 256, bottleneck-filters = 128,"
                    + " decoder-filters = [64, 32, 16], decoder-attention = [32], discriminator-filters = [16, 32, 64] }",
            "}");

    @TempDir
    Path dir;

    @Test
    void comparesAnAutoencoderAndAGanOnHeldOutFaces() throws Exception {
        Launcher.fetchModels();
        Path config = Files.writeString(dir.resolve("lite.conf"), LITE);
        Path facesA = extract(TestModels.samplePhoto(1), "faces-a");
        Path held = extract(TestModels.samplePhoto(2), "held-out");
        Path facesB = extract(TestModels.samplePhoto(5), "faces-b");
        for (String model : List.of("autoencoder", "faceswap-gan")) {
            Launcher.Result train = Launcher.run(Launcher.stagedDistribution(), 600, "train", "-A", facesA.toString(), "-B", facesB.toString(),
                    "-m", dir.resolve(model).toString(), "--config", config.toString(), "--set", "model=" + model, "--iterations", "3",
                    "--no-progress");
            assertEquals(0, train.exit(), train.err());
        }
        Path video = clip(held);

        Path report = dir.resolve("report");
        Launcher.Result compare = Launcher.run(Launcher.stagedDistribution(), 600, "compare", "--faces", held.toString(), "--models",
                dir.resolve("autoencoder") + "," + dir.resolve("faceswap-gan"), "--output", report.toString(), "--video", video.toString(),
                "--config", config.toString());
        assertEquals(0, compare.exit(), compare.err());
        System.out.println(compare.out());

        List<String> csv = Files.readAllLines(report.resolve(ComparisonReport.CSV));
        assertEquals(5, csv.size(), "header, input, target, two models: " + csv);
        for (String row : csv.subList(3, 5)) {
            String[] cells = row.split(",");
            double l1 = Double.parseDouble(cells[2]);
            double ssim = Double.parseDouble(cells[3]);
            double change = Double.parseDouble(cells[4]);
            double grid = Double.parseDouble(cells[6]);
            double identity = Double.parseDouble(cells[7]);
            assertTrue(l1 > 0 && l1 < 0.5, row);
            assertTrue(ssim > -1 && ssim < 1, row);
            assertTrue(change > 0 && change < 1, row);
            assertTrue(grid > 0, row);
            assertTrue(identity > 0 && identity < 2, row);
            assertTrue(Double.parseDouble(cells[8]) > 0, row);
        }
        assertTrue(Files.readString(report.resolve(ComparisonReport.MARKDOWN)).contains("| faceswap-gan @ 3 it (faceswap-gan) |"));
        Image grid = Images.readBgr(report.resolve(ComparisonReport.GRID));
        assertEquals(3 * 128, grid.width(), "input | autoencoder | GAN");

        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(report.resolve("side-by-side.mp4").toFile())) {
            grabber.start();
            int frames = 0;
            org.bytedeco.javacv.Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                assertEquals(3 * 200, frame.imageWidth, "input | autoencoder | GAN");
                frames++;
            }
            assertEquals(8, frames);
            assertTrue(grabber.hasAudio(), "the clip's sound");
        }

        long written = Files.getLastModifiedTime(report.resolve(ComparisonReport.CSV)).toMillis();
        Launcher.Result again = Launcher.run(Launcher.stagedDistribution(), 120, "compare", "--faces", held.toString(), "--models",
                dir.resolve("autoencoder").toString(), "--output", report.toString());
        assertEquals(2, again.exit());
        assertEquals("error: output " + report + " already exists; pass --overwrite or choose another name\n", again.err());
        assertEquals(written, Files.getLastModifiedTime(report.resolve(ComparisonReport.CSV)).toMillis());
    }

    private Path extract(Path photo, String name) throws Exception {
        Path out = dir.resolve(name);
        Launcher.Result extract = Launcher.run(Launcher.stagedDistribution(), 300, "extract", "-i", photo.toString(), "-o", out.toString(),
                "--no-progress");
        assertEquals(0, extract.exit(), extract.err());
        return out;
    }

    /** Eight frames with sound around the held-out photo's face, 200 px square (dlib's HOG wants faces of 80 px). */
    private Path clip(Path held) throws Exception {
        Rect face = Alignments.read(held.resolve(Alignments.FILE_NAME)).frames().get(0).faces().get(0).box();
        Image photo = Images.readBgr(TestModels.samplePhoto(2));
        int side = (int) (2.5 * face.width()) / 2 * 2;
        int left = (int) Math.max(0, face.center().x() - side / 2.0);
        int top = (int) Math.max(0, face.center().y() - side / 2.0);
        return TestVideos.withAudio(dir.resolve("clip.mp4"), 8, 24, i -> resized(photo, left + i, top, side, 200));
    }

    private static Image resized(Image image, int x, int y, int side, int size) {
        return dev.faceswap4j.core.image.OpenCvImages.cropResize(image, x, y, side, side, size, size);
    }
}
