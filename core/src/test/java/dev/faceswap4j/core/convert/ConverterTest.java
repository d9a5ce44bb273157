package dev.faceswap4j.core.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.core.face.FaceWindow;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import dev.faceswap4j.core.testing.TestImages;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.video.VideoSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Convert end to end over a folder of real frames, with a detector that reports a face in two frames
 * of three and a swapper that gives each face back unchanged: frame order and count, what is
 * touched and what is not, one model call per batch, and a failing model leaving nothing behind.
 */
class ConverterTest {

    private static final int FRAMES = 9;
    private static final FaceWindow WINDOW = new FaceWindow(256, 48, 200, 64);

    private static Image scene;
    private static Rect face;
    private static ShapePredictor predictor;

    @TempDir
    Path dir;

    @BeforeAll
    static void aRealFaceInASmallScene() {
        TestImages.Scene small = TestImages.womanInASmallScene();
        scene = small.image();
        face = small.face();
        predictor = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68));
    }

    /** Frame i is the scene with its top-left 8×8 corner (far from the face) set to 20·i: the frame's own mark. */
    private Path frames() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < FRAMES; i++) {
            OpenCvImages.writeImage(marked(i), folder.resolve(String.format("f%02d.png", i)));
        }
        return folder;
    }

    private static Image marked(int i) {
        byte[] pixels = scene.pixels().clone();
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8 * 3; x++) {
                pixels[y * scene.width() * 3 + x] = (byte) (20 * i);
            }
        }
        return new Image(scene.width(), scene.height(), scene.order(), pixels);
    }

    /** The face in frames 0, 1, 3, 4, 6, 7; none in 2, 5, 8 (the detector runs once per frame, in order). */
    private static FaceDetector everyThirdFrameWithoutAFace() {
        AtomicInteger calls = new AtomicInteger();
        return image -> calls.getAndIncrement() % 3 == 2 ? List.of() : List.of(new Detection(face, 1));
    }

    /** Gives every face back as it came, and remembers the batch sizes. */
    private static final class IdentitySwapper implements Swapper {
        final List<Integer> batches = new ArrayList<>();

        @Override
        public List<Image> swap(List<Image> alignedFaces, Direction direction) {
            batches.add(alignedFaces.size());
            return alignedFaces;
        }

        @Override
        public void close() {}
    }

    private static Converter converter(FaceDetector detector) {
        ConvertSettings settings = new ConvertSettings(0.05, 0.08, 0, true, 4, new VideoSettings("libopenh264", 18, 2));
        LandmarkPredictor landmarks = predictor::predict;
        return new Converter(() -> detector, () -> landmarks, settings, FaceCompositorTest.stages("none", "feather"), false);
    }

    @Test
    void everyFrameComesOutInOrderAndOnlyFacesAreTouched() throws IOException {
        IdentitySwapper swapper = new IdentitySwapper();
        Path out = dir.resolve("out");
        Converter.Summary summary = converter(everyThirdFrameWithoutAFace()).run(frames(), swapper, WINDOW, Direction.A_TO_B, out, false);

        assertEquals(FRAMES, summary.frames());
        assertEquals(6, summary.faces());
        assertEquals(3, summary.framesWithoutFace());
        assertEquals(List.of(3, 3), swapper.batches, "batches of 4 frames: one model call each, none for the faceless last one");
        List<Path> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.sorted().toList();
        }
        assertEquals(FRAMES, written.size());
        for (int i = 0; i < FRAMES; i++) {
            Image before = marked(i);
            Image after = Images.readBgr(written.get(i));
            assertEquals(20 * i, after.get(2, 2, 0), "frame " + i + " in its place");
            if (i % 3 == 2) {
                assertArrayEquals(before.pixels(), after.pixels(), "frame " + i + " has no face: passed through untouched");
                continue;
            }
            int changed = 0;
            double error = 0;
            int inside = 0;
            for (int y = 0; y < scene.height(); y++) {
                for (int x = 0; x < scene.width(); x++) {
                    boolean inFace = x >= face.x() && x < face.right() && y >= face.y() && y < face.bottom();
                    for (int c = 0; c < 3; c++) {
                        int d = Math.abs(before.get(x, y, c) - after.get(x, y, c));
                        if (inFace) {
                            error += d;
                            inside++;
                        } else if (d != 0 && !nearFace(x, y)) {
                            changed++;
                        }
                    }
                }
            }
            assertEquals(0, changed, "frame " + i + ": nothing changes away from the face");
            double mean = error / inside;
            // The face went frame → model window → frame: two bilinear resamplings, nothing else.
            assertTrue(mean > 0 && mean < 2.5, "frame " + i + ": mean change in the face box " + mean);
        }
    }

    /** Within half a face box of the detected face: where the mask may reach (the hull of the landmarks, feathered). */
    private static boolean nearFace(int x, int y) {
        return x >= face.x() - face.width() / 2 && x < face.right() + face.width() / 2
                && y >= face.y() - face.height() / 2 && y < face.bottom() + face.height() / 2;
    }

    @Test
    void aFailingModelEndsTheRunAndLeavesNoOutput() throws IOException {
        Path in = frames();
        Swapper broken = new Swapper() {
            @Override
            public List<Image> swap(List<Image> alignedFaces, Direction direction) {
                throw new FaceswapException("the model broke");
            }

            @Override
            public void close() {}
        };
        Path out = dir.resolve("out");
        FaceswapException e = assertThrows(FaceswapException.class,
                () -> converter(everyThirdFrameWithoutAFace()).run(in, broken, WINDOW, Direction.A_TO_B, out, false));
        assertEquals("the model broke", e.getMessage());
        assertFalse(Files.exists(out), "no partial output");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(in), left.toList(), "no hidden partial folder either");
        }
    }

    @Test
    void thePredictedMaskWithAModelThatPredictsNoneIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path in = frames();
        Path out = dir.resolve("out");
        ConvertSettings settings = new ConvertSettings(0.05, 0.08, 0, true, 4, new VideoSettings("libopenh264", 18, 2));
        LandmarkPredictor landmarks = predictor::predict;
        FaceDetector detector = everyThirdFrameWithoutAFace();
        Converter converter = new Converter(() -> detector, () -> landmarks, settings, FaceCompositorTest.stages("predicted", "none", "feather"), false);
        FaceswapException e = assertThrows(FaceswapException.class,
                () -> converter.run(in, new IdentitySwapper(), WINDOW, Direction.A_TO_B, out, false));
        assertTrue(e.getMessage().startsWith("convert.mask takes the model's own mask, but this model predicts none"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void noFaceAnywhereWritesNothing() throws IOException {
        Path in = frames();
        Path out = dir.resolve("out");
        FaceswapException e = assertThrows(FaceswapException.class,
                () -> converter(image -> List.of()).run(in, new IdentitySwapper(), WINDOW, Direction.A_TO_B, out, false));
        assertEquals("no face found in " + in + " (" + FRAMES + " frames); nothing written", e.getMessage());
        assertFalse(Files.exists(out));
    }

    /** --overwrite replaces an earlier result, never the frames it is made from: they are left as they were. */
    @Test
    void theInputIsNeverItsOwnOutput() throws IOException {
        Path in = frames();
        List<Path> before;
        try (var files = Files.list(in)) {
            before = files.sorted().toList();
        }
        FaceswapException e = assertThrows(FaceswapException.class,
                () -> converter(everyThirdFrameWithoutAFace()).run(in, new IdentitySwapper(), WINDOW, Direction.A_TO_B, in, true));
        assertEquals("output " + in + " is the input; choose another name for the result", e.getMessage());
        try (var files = Files.list(in)) {
            assertEquals(before, files.sorted().toList(), "the input frames are all there");
        }
    }
}
