package dev.faceswap4j.detector.cnn;

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
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.config.ConfigLoader;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.testing.DlibReference;
import dev.faceswap4j.core.testing.TestImages;
import dev.faceswap4j.core.testing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BlazeFace on the real sample photos, against dlib's HOG detector and a hand-checked list of faces. */
class BlazeFaceDetectorTest {

    /**
     * Centres of the faces of at least 80 px in sample1..6, checked by eye: dlib's 20 detections minus
     * one (a round badge on a jacket in sample1 at 1546,636), plus two faces dlib misses (a profile in
     * sample2, a tilted face in sample4).
     */
    private static final double[][][] FACES = {
        {{484, 484}, {1559, 341}, {938, 580}},
        {{1538, 304}, {453, 290}},
        {{675, 484}, {1607, 460}, {1154, 380}},
        {{1058, 317}, {723, 221}, {1319, 284}, {324, 339}},
        {{717, 551}, {484, 1034}, {881, 224}, {1180, 344}, {1488, 556}},
        {{1273, 484}, {747, 484}, {365, 651}, {1559, 436}},
    };

    private static final List<Image> PHOTOS = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        TestModels.require(BlazeFaceProvider.BACK);
        TestModels.require(BlazeFaceProvider.FRONT);
        for (int n = 1; n <= 6; n++) {
            PHOTOS.add(Images.readBgr(TestModels.samplePhoto(n)));
        }
    }

    private static FaceDetector detector(String... sets) {
        List<String> all = new ArrayList<>(List.of("detector=cnn", "detectors.cnn.device=cpu"));
        all.addAll(List.of(sets));
        Config config = new ConfigLoader().load(null, all);
        return PluginRegistry.discover(BlazeFaceDetectorTest.class.getClassLoader()).create(
                dev.faceswap4j.core.plugin.StageKind.DETECTOR, config);
    }

    /** [true positives, false positives] of detections against the hand-checked faces. */
    private static int[] score(List<List<Rect>> boxesPerPhoto) {
        int hits = 0;
        int falsePositives = 0;
        for (int n = 0; n < 6; n++) {
            for (double[] face : FACES[n]) {
                if (boxesPerPhoto.get(n).stream().anyMatch(b -> b.contains(face[0], face[1]))) {
                    hits++;
                }
            }
            for (Rect b : boxesPerPhoto.get(n)) {
                boolean onAFace = false;
                for (double[] face : FACES[n]) {
                    onAFace |= b.contains(face[0], face[1]);
                }
                falsePositives += onAFace ? 0 : 1;
            }
        }
        return new int[] {hits, falsePositives};
    }

    @Test
    void findsAtLeastTheFacesHogFindsWithNoMoreFalsePositives() throws Exception {
        List<List<Rect>> cnn = new ArrayList<>();
        List<List<Rect>> hog = new ArrayList<>();
        try (FaceDetector detector = detector()) {
            for (Image photo : PHOTOS) {
                cnn.add(detector.detect(photo).stream().map(Detection::box).toList());
                hog.add(DlibReference.run(photo, 0, 0).faces().stream().map(DlibReference.Face::box).toList());
            }
        }
        int total = 0;
        for (double[][] faces : FACES) {
            total += faces.length;
        }
        int[] c = score(cnn);
        int[] h = score(hog);
        System.out.printf(Locale.ROOT, "faces >= 80 px in the sample photos: %d; cnn finds %d (%d false), hog (dlib) finds %d (%d false)%n",
                total, c[0], c[1], h[0], h[1]);
        assertTrue(c[0] >= h[0], "cnn recall " + c[0] + " < hog recall " + h[0]);
        assertTrue(c[1] <= h[1], "cnn has " + c[1] + " false positives, hog " + h[1]);
    }

    @Test
    void landmarksFromCnnBoxesMatchThoseFromDlibBoxes() throws Exception {
        ShapePredictor predictor = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68));
        double sum = 0;
        int faces = 0;
        try (FaceDetector detector = detector()) {
            for (Image photo : PHOTOS) {
                List<Detection> found = detector.detect(photo);
                for (DlibReference.Face face : DlibReference.run(photo, 0, 0).faces()) {
                    Rect dlibBox = face.box();
                    Detection match = found.stream().filter(d -> dlibBox.contains(d.box().center().x(), d.box().center().y()))
                            .findFirst().orElse(null);
                    if (match == null) {
                        continue;
                    }
                    Landmarks viaDlib = predictor.predict(photo, dlibBox);
                    Landmarks viaCnn = predictor.predict(photo, match.box());
                    sum += viaCnn.meanDistanceTo(viaDlib);
                    faces++;
                }
            }
        }
        double mean = sum / faces;
        System.out.printf(Locale.ROOT, "landmarks from cnn (calibrated) boxes vs dlib boxes: %d faces, mean %.2f px%n", faces, mean);
        assertTrue(faces >= 15);
        assertTrue(mean <= 2.0, "mean landmark difference " + mean + " px");
    }

    @Test
    void frontModelTilesAndGrayImagesWork() {
        Image gray = TestImages.gray(PHOTOS.get(4));
        try (FaceDetector back = detector(); FaceDetector tiled = detector("detectors.cnn.model=front", "detectors.cnn.tile=480")) {
            assertEquals(5, back.detect(gray).size(), "gray input");
            List<Detection> found = tiled.detect(PHOTOS.get(4));
            int hits = 0;
            for (double[] face : FACES[4]) {
                hits += found.stream().anyMatch(d -> d.box().contains(face[0], face[1])) ? 1 : 0;
            }
            assertTrue(hits >= 4, "the front model on 480 px tiles finds " + hits + " of 5 faces");
            assertEquals(List.of(), back.detect(new Image(1, 1, ChannelOrder.BGR, new byte[3])));
        }
    }

    @Test
    void badModelsAndDevicesAreOneLine() throws IOException {
        Path corrupt = Files.write(dir.resolve("corrupt.onnx"), new byte[] {1, 2, 3});
        FaceswapException e = assertThrows(FaceswapException.class, () -> detector("detectors.cnn.back-model=\"" + corrupt + "\""));
        assertTrue(e.getMessage().startsWith("cannot load ONNX model " + corrupt + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        Path front = TestModels.require(BlazeFaceProvider.FRONT);
        Path wrong = Files.copy(front, dir.resolve("wrong.onnx"));
        e = assertThrows(FaceswapException.class, () -> detector("detectors.cnn.back-model=\"" + wrong + "\""));
        assertEquals(wrong + " takes input [1, 128, 128, 3], expected [1, 256, 256, 3] — is it the right BlazeFace model for model = front|back?",
                e.getMessage());

        Path missing = dir.resolve("missing.onnx");
        e = assertThrows(FaceswapException.class, () -> detector("detectors.cnn.back-model=\"" + missing + "\""));
        assertEquals("model file not found: " + missing + " (faceswap4j.detectors.cnn.back-model) — run 'faceswap4j models fetch', or set faceswap4j.detectors.cnn.back-model to a file you have",
                e.getMessage());

        e = assertThrows(FaceswapException.class, () -> detector("detectors.cnn.model=side"));
        assertEquals("faceswap4j.detectors.cnn.model must be front or back, got 'side'", e.getMessage());

        // This machine has no CUDA: asking for it is one clear line; auto falls back to the CPU.
        e = assertThrows(FaceswapException.class, () -> detector("detectors.cnn.device=cuda"));
        assertTrue(e.getMessage().startsWith("detector cnn: device = cuda, but the CUDA provider does not load"), e.getMessage());
        try (FaceDetector auto = detector("detectors.cnn.device=auto")) {
            assertEquals(5, auto.detect(PHOTOS.get(4)).size());
        }
    }

}
