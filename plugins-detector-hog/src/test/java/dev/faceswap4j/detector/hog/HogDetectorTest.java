package dev.faceswap4j.detector.hog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.config.ConfigLoader;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.plugin.StageKind;
import dev.faceswap4j.core.testing.TestImages;
import dev.faceswap4j.core.testing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HogDetectorTest {

    private static Image sample5;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        TestModels.require(HogDetectorProvider.FRONTAL_FACE_DETECTOR);
        sample5 = Images.readBgr(TestModels.samplePhoto(5));
    }

    private FaceDetector detector(String... sets) {
        Config config = new ConfigLoader().load(null, List.of(sets));
        return PluginRegistry.discover(getClass().getClassLoader()).create(StageKind.DETECTOR, config);
    }

    @Test
    void foundByNameThroughTheRegistryWithItsDefaults() {
        try (FaceDetector hog = detector("detector=hog")) {
            assertTrue(hog instanceof HogFaceDetector);
            assertEquals(5, hog.detect(sample5).size());
        }
    }

    @Test
    void twoThreadsFindTheSameFaces() {
        try (FaceDetector one = detector("detector=hog"); FaceDetector two = detector("detector=hog", "detectors.hog.threads=2")) {
            assertEquals(one.detect(sample5), two.detect(sample5));
        }
    }

    @Test
    void grayAndRgbaAndRgbGiveTheSameFacesAsBgr() {
        int n = sample5.width() * sample5.height();
        byte[] bgr = sample5.pixels();
        byte[] rgb = new byte[3 * n];
        byte[] rgba = new byte[4 * n];
        for (int i = 0; i < n; i++) {
            rgb[3 * i] = bgr[3 * i + 2];
            rgb[3 * i + 1] = bgr[3 * i + 1];
            rgb[3 * i + 2] = bgr[3 * i];
            rgba[4 * i] = rgb[3 * i];
            rgba[4 * i + 1] = rgb[3 * i + 1];
            rgba[4 * i + 2] = rgb[3 * i + 2];
            rgba[4 * i + 3] = (byte) 255;
        }
        try (FaceDetector hog = detector("detector=hog")) {
            List<Detection> expected = hog.detect(sample5);
            assertEquals(expected, hog.detect(new Image(sample5.width(), sample5.height(), ChannelOrder.RGB, rgb)));
            assertEquals(expected, hog.detect(new Image(sample5.width(), sample5.height(), ChannelOrder.RGBA, rgba)));
            // Gray has weaker gradients than the strongest colour channel: scores differ, faces mostly not.
            List<Detection> grayFaces = hog.detect(TestImages.gray(sample5));
            long matched = expected.stream().filter(e -> grayFaces.stream().anyMatch(g -> e.box().contains(g.box().center().x(), g.box().center().y()))).count();
            assertTrue(matched >= expected.size() - 1, matched + " of " + expected.size() + " faces found again on the gray image: " + grayFaces);
        }
    }

    @Test
    void tinyAndFacelessImagesGiveNoFace() {
        try (FaceDetector hog = detector("detector=hog")) {
            assertEquals(List.of(), hog.detect(new Image(1, 1, ChannelOrder.BGR, new byte[3])));
            assertEquals(List.of(), hog.detect(new Image(30, 20, ChannelOrder.GRAY, new byte[600])));
            assertEquals(List.of(), hog.detect(new Image(640, 480, ChannelOrder.BGR, new byte[640 * 480 * 3])));
        }
    }

    @Test
    void maxSizeAndUpsampleMapBoxesBackToTheFrame() {
        try (FaceDetector full = detector("detector=hog"); FaceDetector small = detector("detector=hog", "detectors.hog.max-size=1200")) {
            List<Detection> expected = full.detect(sample5);
            List<Detection> found = small.detect(sample5);
            assertFalse(found.isEmpty());
            for (Detection d : found) {
                // The same face at a coarser scale step: its centre lies inside the full-resolution box.
                assertTrue(expected.stream().anyMatch(e -> e.box().contains(d.box().center().x(), d.box().center().y())), "box " + d.box() + " is in frame coordinates");
            }
        }
    }

    @Test
    void corruptOrWrongModelFilesAreOneLine() throws IOException {
        Path corrupt = dir.resolve("corrupt.svm");
        Files.write(corrupt, new byte[] {1, 2, 1, 1, 0, 5});
        FaceswapException e = assertThrows(FaceswapException.class, () -> detector("detector=hog", "detectors.hog.model=\"" + corrupt + "\""));
        assertTrue(e.getMessage().startsWith(corrupt + " is not a valid dlib file: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        Path landmarks = TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68);
        Path copy = dir.resolve("predictor.svm");
        Files.copy(landmarks, copy);
        e = assertThrows(FaceswapException.class, () -> detector("detector=hog", "detectors.hog.model=\"" + copy + "\""));
        assertTrue(e.getMessage().startsWith(copy + " is not a valid dlib file: not a dlib object_detector"), e.getMessage());

        Path missing = dir.resolve("missing.svm");
        e = assertThrows(FaceswapException.class, () -> detector("detector=hog", "detectors.hog.model=\"" + missing + "\""));
        assertEquals("model file not found: " + missing + " (faceswap4j.detectors.hog.model) — run 'faceswap4j models fetch', or set faceswap4j.detectors.hog.model to a file you have",
                e.getMessage());
    }
}
