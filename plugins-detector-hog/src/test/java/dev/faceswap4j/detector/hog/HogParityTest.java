package dev.faceswap4j.detector.hog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.testing.DlibReference;
import dev.faceswap4j.core.testing.TestModels;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java HOG detector against dlib 19.24 itself, on the same pixels of the six real sample photos. */
class HogParityTest {

    private static FhogDetectorModel model;

    @BeforeAll
    static void load() {
        model = FhogDetectorModel.load(TestModels.require(HogDetectorProvider.FRONTAL_FACE_DETECTOR));
    }

    @Test
    void readsDlibsFrontalFaceDetector() {
        assertEquals(5, model.filters.size());
        assertEquals(8, model.cellSize);
        assertEquals(80, model.windowWidth);
    }

    @Test
    void sameFacesAsDlib() throws Exception {
        int dlibFaces = 0;
        double minIou = 1;
        double maxScoreDiff = 0;
        for (int n = 1; n <= 6; n++) {
            Image image = Images.readBgr(TestModels.samplePhoto(n));
            List<DlibReference.Face> reference = DlibReference.run(image, 0, 0).faces();
            try (HogFaceDetector detector = new HogFaceDetector(model, 0, 0.0, 0, 1)) {
                List<Detection> ours = detector.detect(image);
                System.out.printf(Locale.ROOT, "sample%d: dlib %d faces, java %d%n", n, reference.size(), ours.size());
                for (DlibReference.Face face : reference) {
                    Detection best = ours.stream().max((a, b) -> Double.compare(a.box().iou(face.box()), b.box().iou(face.box())))
                            .orElseThrow(() -> new AssertionError("no Java detection for dlib face " + face));
                    double iou = best.box().iou(face.box());
                    minIou = Math.min(minIou, iou);
                    maxScoreDiff = Math.max(maxScoreDiff, Math.abs(best.score() - face.score()));
                    System.out.printf(Locale.ROOT, "  dlib %s %.4f  java %s %.4f  iou %.3f%n", face.box(), face.score(), best.box(), best.score(), iou);
                }
                assertEquals(reference.size(), ours.size(), "sample" + n + ": same number of faces (no extra box)");
                dlibFaces += reference.size();
            }
        }
        System.out.printf(Locale.ROOT, "HOG parity with dlib: %d faces, min IoU %.4f, max score difference %.5f%n", dlibFaces, minIou, maxScoreDiff);
        assertEquals(20, dlibFaces);
        assertTrue(minIou >= 0.95, "min IoU " + minIou);
        assertTrue(maxScoreDiff <= 0.02, "max score difference " + maxScoreDiff);
    }

    /** dlib's detector(img, 1): pyramid_up first, boxes mapped back with pyramid_down&lt;2&gt;::rect_down. */
    @Test
    void sameFacesAsDlibWithOneUpsampling() throws Exception {
        Image image = Images.readBgr(TestModels.samplePhoto(5));
        List<DlibReference.Face> reference = DlibReference.run(image, 1, 0).faces();
        try (HogFaceDetector detector = new HogFaceDetector(model, 1, 0.0, 0, 2)) {
            List<Detection> ours = detector.detect(image);
            System.out.printf(Locale.ROOT, "upsample 1, sample5: dlib %d faces, java %d%n", reference.size(), ours.size());
            assertEquals(reference.size(), ours.size());
            for (DlibReference.Face face : reference) {
                assertTrue(ours.stream().anyMatch(d -> d.box().iou(face.box()) >= 0.95 && Math.abs(d.score() - face.score()) <= 0.02),
                        "dlib face " + face.box() + " " + face.score() + " not found in " + ours);
            }
        }
    }
}
