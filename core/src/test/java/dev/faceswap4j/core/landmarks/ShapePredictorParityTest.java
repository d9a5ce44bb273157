package dev.faceswap4j.core.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.testing.DlibReference;
import dev.faceswap4j.core.testing.TestModels;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Same image, same box: the Java predictor gives dlib's 68 points on the real sample photos. */
class ShapePredictorParityTest {

    private static ShapePredictor predictor;

    @BeforeAll
    static void load() {
        predictor = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68));
    }

    @Test
    void modelShape() {
        assertEquals(68, predictor.landmarkCount());
        assertEquals(15, predictor.cascadeDepth());
    }

    @Test
    void pointsEqualDlibOnRealFaces() throws Exception {
        int faces = 0;
        int points = 0;
        double sum = 0;
        double max = 0;
        for (int n = 1; n <= 6; n++) {
            Image image = Images.readBgr(TestModels.samplePhoto(n));
            for (DlibReference.Face face : DlibReference.run(image, 0, 0).faces()) {
                Landmarks ours = predictor.predict(image, face.box());
                assertEquals(68, ours.size());
                for (int i = 0; i < 68; i++) {
                    // dlib returns integer points (rounded half up); ours are sub-pixel.
                    double dx = Math.floor(ours.get(i).x() + 0.5) - face.parts().get(i).x();
                    double dy = Math.floor(ours.get(i).y() + 0.5) - face.parts().get(i).y();
                    double d = Math.hypot(dx, dy);
                    sum += d;
                    max = Math.max(max, d);
                    points++;
                }
                faces++;
            }
        }
        double mean = sum / points;
        System.out.printf(Locale.ROOT, "landmark parity with dlib: %d faces, %d points, mean deviation %.4f px, max %.3f px%n",
                faces, points, mean, max);
        assertTrue(faces >= 10, "dlib found only " + faces + " faces in the sample photos");
        assertTrue(mean <= 0.1, "mean deviation " + mean + " px");
        assertTrue(max <= 1.0, "max deviation " + max + " px");
    }
}
