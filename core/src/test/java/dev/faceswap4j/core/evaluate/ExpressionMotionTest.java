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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The expression figure on the landmarks of two real people (the largest faces of sample photos 2 and 3): a "video" of
 * one opening the mouth frame by frame, and "swaps" showing the other person.
 */
class ExpressionMotionTest {

    private static final int FRAMES = 8;

    private static Landmarks woman;
    private static Landmarks man;

    @BeforeAll
    static void landmarks() {
        ShapePredictor predictor = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68));
        woman = largestFace(predictor, 2);
        man = largestFace(predictor, 3);
    }

    @Test
    void anotherFaceOpeningTheMouthAlikeKeepsTheExpressionThoughItsLandmarksDiffer() {
        List<Landmarks> source = opening(woman);
        List<Landmarks> swapped = opening(man);
        ExpressionMotion.Result result = ExpressionMotion.of(source, swapped);

        double landmarkError = 0;
        for (int i = 0; i < FRAMES; i++) {
            landmarkError += LandmarkParts.meanDistance(swapped.get(i), source.get(i), 0, 68) / LandmarkParts.eyeDistance(source.get(i)) / FRAMES;
        }
        double expression = mean(result.errors());
        double frozen = mean(result.frozen());
        assertTrue(landmarkError > 0.5, "two people's landmarks in one place differ by their shape and position: " + landmarkError);
        // 13 of 68 points move i·3 % of the eye distance; around their mean (i = 3.5) that is on average 2·3 %.
        assertEquals(2 * 0.03 * 13 / 68, frozen, 1e-3, "the mouth opening");
        assertTrue(expression < 0.2 * frozen, "the same motion on another face: " + expression + " of " + frozen);
    }

    @Test
    void aFaceThatNeverMovesScoresTheFrozenFigure() {
        List<Landmarks> source = opening(woman);
        List<Landmarks> still = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            still.add(man);
        }
        ExpressionMotion.Result result = ExpressionMotion.of(source, still);
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(result.frozen().get(i), result.errors().get(i), 1e-9, "frame " + i);
        }
        LandmarkParts mouth = LandmarkParts.mean(result.parts());
        assertTrue(mouth.mouth() > 0.02 && mouth.jaw() > 0.01, "the motion was the lower lip's and the chin's: " + mouth);
        assertTrue(mouth.eyes() < 0.002 && mouth.nose() < 0.002 && mouth.brows() < 0.002, "the rigid frame did not move: " + mouth);
    }

    /**
     * {@code face} in {@link #FRAMES} frames, its lower lip and chin moving down the face (square to its eye line, however
     * the head is tilted) by i·3 % of its eye distance in frame i.
     */
    private static List<Landmarks> opening(Landmarks face) {
        Point2 left = face.get(36);
        Point2 right = face.get(45);
        // The eye line turned by 90° and scaled to 3 %: the face's own "down", 3 % of the eye distance long.
        double downX = -(right.y() - left.y()) * 0.03;
        double downY = (right.x() - left.x()) * 0.03;
        List<Landmarks> frames = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            List<Point2> points = new ArrayList<>(face.points());
            for (int i = 0; i < 68; i++) {
                boolean lower = (i >= 55 && i <= 59) || (i >= 65 && i <= 67) || (i >= 6 && i <= 10);
                if (lower) {
                    Point2 p = points.get(i);
                    points.set(i, new Point2(p.x() + f * downX, p.y() + f * downY));
                }
            }
            frames.add(new Landmarks(points));
        }
        return frames;
    }

    private static Landmarks largestFace(ShapePredictor predictor, int photo) {
        Image image = Images.readBgr(TestModels.samplePhoto(photo));
        Detection face = new DlibDetector().detect(image).stream().max(Comparator.comparingDouble(d -> d.box().area())).orElseThrow();
        return predictor.predict(image, face.box());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
