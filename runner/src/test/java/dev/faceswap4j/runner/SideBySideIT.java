package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.face.FaceRecord;
import dev.faceswap4j.core.face.FrameRecord;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.testing.TestData;
import dev.faceswap4j.core.testing.TestVideos;
import dev.faceswap4j.core.video.FrameRange;
import dev.faceswap4j.core.video.FrameSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two talking heads side by side in one clip (the woman left, the man right, as ffmpeg's {@code hstack} would put
 * them), made in the test: {@code extract --reference} keeps only the woman's faces, and {@code run} with
 * {@code a-reference} swaps her face without changing one pixel of the man's half.
 */
class SideBySideIT {

    private static final int FRAMES = 40;

    @TempDir
    Path dir;

    private Path clip;
    private int leftWidth;
    private Path woman;
    private Path man;

    @BeforeEach
    void makeClip() throws Exception {
        Optional<Path> left = TestData.sharedVideo("woman-talking.mp4");
        Optional<Path> right = TestData.sharedVideo("man-glasses-talking.mp4");
        assumeTrue(left.isPresent(), TestData.missingMessage("woman-talking.mp4"));
        assumeTrue(right.isPresent(), TestData.missingMessage("man-glasses-talking.mp4"));
        Launcher.fetchModels();
        List<Image> lefts = frames(left.get(), "0:" + FRAMES);
        List<Image> rights = frames(right.get(), "0:" + FRAMES);
        leftWidth = lefts.get(0).width();
        List<Image> joined = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            joined.add(hstack(lefts.get(i), rights.get(i)));
        }
        clip = TestVideos.withAudio(dir.resolve("side-by-side.mp4"), FRAMES, 25, joined::get);
        // Photos of each person from later in their clips: frames the test clip does not hold.
        woman = dir.resolve("woman.png");
        OpenCvImages.writeImage(frames(left.get(), "200:201").get(0), woman);
        man = Files.createDirectories(dir.resolve("man"));
        for (int i = 0; i < 3; i++) {
            OpenCvImages.writeImage(frames(right.get(), (150 + 40 * i) + ":" + (151 + 40 * i)).get(0), man.resolve("man" + i + ".png"));
        }
    }

    @Test
    void extractKeepsOnlyTheReferencePerson() throws Exception {
        Path faces = dir.resolve("faces");
        Launcher.Result run = Launcher.run(Launcher.stagedDistribution(), 600, "extract", "--input", clip.toString(), "--output",
                faces.toString(), "--every", "2", "--reference", woman.toString(), "--no-progress");
        assertEquals(0, run.exit(), run.err());
        int kept = 0;
        int hers = 0;
        Set<Integer> tracks = new HashSet<>();
        for (FrameRecord frame : Alignments.read(faces.resolve(Alignments.FILE_NAME)).frames()) {
            for (FaceRecord face : frame.faces()) {
                kept++;
                hers += face.box().center().x() < leftWidth ? 1 : 0;
                tracks.add(face.track());
            }
        }
        double precision = (double) hers / kept;
        double recall = hers / (FRAMES / 2.0);
        System.out.printf(Locale.ROOT, "side-by-side, woman by reference photo: precision %.3f, recall %.3f (%d kept, %d tracks)%n",
                precision, recall, kept, tracks.size());
        assertEquals(1.0, precision, "every extracted face is in the woman's half");
        assertTrue(recall >= 0.9, "recall " + recall);
        assertEquals(1, tracks.size(), "her faces form one track: " + tracks);
        assertTrue(run.out().contains("faces of other people left out"), run.out());
    }

    @Test
    void convertWithAReferenceLeavesTheOtherHalfUntouched() throws Exception {
        Path work = dir.resolve("work");
        Path swapped = dir.resolve("swapped");
        Path config = Files.writeString(dir.resolve("pipeline.conf"), String.join("\n",
                "faceswap4j {",
                "  extract.every = 4",
                "  run { a = \"" + clip + "\", a-reference = [\"" + woman + "\"], b = \"" + man + "\",",
                "        work-dir = \"" + work + "\", output = \"" + swapped + "\", before-after = false }",
                "  train { iterations = 6, batch-size = 4, checkpoint-every = 6, preview-every = 6, seed = 1 }",
                "  models.autoencoder { encoder-filters = [32, 64, 128, 256], encoder-dim = 256, bottleneck-filters = 128,"
                        + " decoder-filters = [64, 32, 16] }",
                "}"));
        Launcher.Result run = Launcher.run(Launcher.stagedDistribution(), 900, "run", "--config", config.toString(), "--no-progress");
        assertEquals(0, run.exit(), run.err());

        List<Image> before = frames(clip, "all");
        int swappedFrames = 0;
        for (int i = 0; i < FRAMES; i++) {
            Image after = Images.readBgr(swapped.resolve(String.format(Locale.ROOT, "frame_%06d.png", i)));
            Image input = before.get(i);
            int changedRight = 0;
            int changedLeft = 0;
            for (int y = 0; y < input.height(); y++) {
                for (int x = 0; x < input.width(); x++) {
                    for (int c = 0; c < 3; c++) {
                        if (input.get(x, y, c) != after.get(x, y, c)) {
                            if (x >= leftWidth) {
                                changedRight++;
                            } else {
                                changedLeft++;
                            }
                            break;
                        }
                    }
                }
            }
            assertEquals(0, changedRight, "pixels changed in the man's half of frame " + i);
            swappedFrames += changedLeft > 0 ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "side-by-side convert: woman swapped in %d of %d frames, man's half unchanged%n", swappedFrames,
                FRAMES);
        assertTrue(swappedFrames >= 0.9 * FRAMES, "frames with her face swapped: " + swappedFrames + "\n" + run.out());
    }

    private static List<Image> frames(Path video, String range) {
        List<Image> images = new ArrayList<>();
        try (FrameSource source = FrameSource.open(video, FrameRange.parse(range))) {
            for (var frame = source.next(); frame != null; frame = source.next()) {
                images.add(frame.image());
            }
        }
        return images;
    }

    /** {@code a} and {@code b} next to each other, the lower one padded with black at the bottom. */
    private static Image hstack(Image a, Image b) {
        int width = a.width() + b.width();
        int height = Math.max(a.height(), b.height());
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            if (y < a.height()) {
                System.arraycopy(a.pixels(), y * a.width() * 3, pixels, y * width * 3, a.width() * 3);
            }
            if (y < b.height()) {
                System.arraycopy(b.pixels(), y * b.width() * 3, pixels, (y * width + a.width()) * 3, b.width() * 3);
            }
        }
        return new Image(width, height, a.order(), pixels);
    }
}
