package dev.faceswap4j.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import dev.faceswap4j.core.testing.DlibDetector;
import dev.faceswap4j.core.testing.TestModels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The landmark error part by part, on the landmarks of a real face with one part moved by a known amount. */
class LandmarkPartsTest {

    @Test
    void aMovedMouthIsAMouthErrorAndNothingElse() {
        Image photo = Images.readBgr(TestModels.samplePhoto(2));
        Detection face = new DlibDetector().detect(photo).stream().max(Comparator.comparingDouble(d -> d.box().area())).orElseThrow();
        Landmarks source = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68)).predict(photo, face.box());
        // The mouth (points 48..67) opened: its lower half 6 px down, its upper half 2 px up (mean move 4 px).
        List<Point2> moved = new ArrayList<>(source.points());
        for (int i = 48; i < 68; i++) {
            Point2 p = moved.get(i);
            boolean lower = (i >= 54 && i <= 60) || (i >= 64);
            moved.set(i, new Point2(p.x(), p.y() + (lower ? 6 : -2)));
        }
        LandmarkParts parts = LandmarkParts.between(new Landmarks(moved), source, 40);

        assertEquals(0, parts.jaw());
        assertEquals(0, parts.brows());
        assertEquals(0, parts.nose());
        assertEquals(0, parts.eyes());
        long lowerPoints = java.util.stream.IntStream.range(48, 68).filter(i -> (i >= 54 && i <= 60) || i >= 64).count();
        assertEquals((lowerPoints * 6 + (20 - lowerPoints) * 2) / 20.0 / 40, parts.mouth(), 1e-12);
        assertTrue(parts.mouth() > 0.05, "a mouth opened by several pixels is well past the bar");
    }

    @Test
    void theMeanSkipsFramesWithoutAFigure() {
        LandmarkParts mean = LandmarkParts.mean(List.of(new LandmarkParts(0.1, 0.2, 0.3, 0.4, 0.5), LandmarkParts.NONE,
                new LandmarkParts(0.3, 0.2, 0.1, 0.0, 0.1)));
        assertEquals(new LandmarkParts(0.2, 0.2, 0.2, 0.2, 0.3), round(mean));
    }

    private static LandmarkParts round(LandmarkParts p) {
        return new LandmarkParts(r(p.jaw()), r(p.brows()), r(p.nose()), r(p.eyes()), r(p.mouth()));
    }

    private static double r(double v) {
        return Math.round(v * 1e9) / 1e9;
    }
}
