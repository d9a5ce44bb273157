package dev.faceswap4j.core.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import dev.faceswap4j.core.testing.DlibReference;
import dev.faceswap4j.core.testing.TestModels;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {

    private static final int SIZE = 256;
    private static final double PADDING = 48;
    private static ShapePredictor predictor;

    @BeforeAll
    static void load() {
        predictor = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68));
    }

    @Test
    void similarityRecoversAKnownTransform() {
        Affine truth = new Affine(1.5 * Math.cos(0.3), -1.5 * Math.sin(0.3), 12, 1.5 * Math.sin(0.3), 1.5 * Math.cos(0.3), -7);
        double[] from = MeanFace.unitPoints();
        double[] to = new double[from.length];
        for (int i = 0; i < from.length; i += 2) {
            Point2 p = truth.apply(new Point2(from[i], from[i + 1]));
            to[i] = p.x();
            to[i + 1] = p.y();
        }
        double[] found = Similarity.estimate(from, to).toArray();
        double[] expected = truth.toArray();
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], found[i], 1e-12);
        }
    }

    @Test
    void similarityNeverReflects() {
        double[] from = {0, 0, 1, 0, 0, 1};
        double[] mirrored = {0, 0, -1, 0, 0, 1};
        assertTrue(Similarity.estimate(from, mirrored).determinant() > 0);
    }

    @Test
    void alignedCropsPutRealFacesOnTheMeanFace() throws Exception {
        double[] mean = MeanFace.unitPoints();
        double transformedSum = 0;
        double repredictedSum = 0;
        double consistencySum = 0;
        int points = 0;
        int faces = 0;
        for (int n = 1; n <= 6; n++) {
            Image frame = Images.readBgr(TestModels.samplePhoto(n));
            for (DlibReference.Face face : DlibReference.run(frame, 0, 0).faces()) {
                Landmarks landmarks = predictor.predict(frame, face.box());
                Affine frameToCrop = FaceAligner.cropTransform(landmarks, SIZE, PADDING);
                Image crop = FaceAligner.crop(frame, frameToCrop, SIZE);
                assertEquals(SIZE, crop.width());

                // Landmarks found again on the crop itself, in a box that is the frame box carried over.
                Landmarks onCrop = predictor.predict(crop, boundingBox(face.box(), frameToCrop));
                for (int i = 0; i < MeanFace.POINTS; i++) {
                    Point2 target = new Point2(PADDING + mean[2 * i] * (SIZE - 2 * PADDING), PADDING + mean[2 * i + 1] * (SIZE - 2 * PADDING));
                    transformedSum += frameToCrop.apply(landmarks.get(MeanFace.FIRST_LANDMARK + i)).distanceTo(target);
                    repredictedSum += onCrop.get(MeanFace.FIRST_LANDMARK + i).distanceTo(target);
                    consistencySum += onCrop.get(MeanFace.FIRST_LANDMARK + i)
                            .distanceTo(frameToCrop.apply(landmarks.get(MeanFace.FIRST_LANDMARK + i)));
                    points++;
                }
                faces++;
            }
        }
        double transformed = transformedSum / points;
        double repredicted = repredictedSum / points;
        double consistency = consistencySum / points;
        System.out.printf(Locale.ROOT, "alignment: %d faces, mean distance to the mean face in a 256 crop (unit = 160 px):"
                + " %.2f px (frame landmarks mapped), %.2f px (landmarks predicted on the crop); mapped vs predicted on crop %.2f px%n",
                faces, transformed, repredicted, consistency);
        assertTrue(faces >= 10);
        // What is left is how real faces differ from the mean face (expression, identity): ~4% of the unit square.
        assertTrue(transformed < 8, "mapped landmarks are " + transformed + " px from the mean face on average");
        assertTrue(repredicted < 8, "landmarks on the crop are " + repredicted + " px from the mean face on average");
        assertTrue(consistency < 4, "the crop shows a different face geometry than the frame: " + consistency + " px");
    }

    @Test
    void cropToFrameToCropIsTheIdentity() {
        Landmarks landmarks = shiftedMeanFace();
        Affine frameToCrop = FaceAligner.cropTransform(landmarks, SIZE, PADDING);
        Affine roundTrip = frameToCrop.inverse().then(frameToCrop);
        for (Point2 p : new Point2[] {new Point2(0, 0), new Point2(255, 0), new Point2(17.25, 200.5), new Point2(255, 255)}) {
            Point2 back = roundTrip.apply(p);
            assertEquals(p.x(), back.x(), 1e-6);
            assertEquals(p.y(), back.y(), 1e-6);
        }
    }

    @Test
    void theModelCropIsTheMeanFaceSquareOfTheTrainingCrop() {
        Landmarks landmarks = shiftedMeanFace();
        Affine training = FaceAligner.cropTransform(landmarks, SIZE, PADDING);
        Affine model = FaceAligner.cropTransform(landmarks, 64, 0);
        double s = 64 / (SIZE - 2 * PADDING);
        double[] derived = training.then(new Affine(s, 0, -PADDING * s, 0, s, -PADDING * s)).toArray();
        double[] direct = model.toArray();
        for (int i = 0; i < 6; i++) {
            assertEquals(direct[i], derived[i], 1e-9);
        }
    }

    /** A synthetic 68-point face: the mean face scaled to 300 px and moved, jaw points at the brow. */
    private static Landmarks shiftedMeanFace() {
        double[] mean = MeanFace.unitPoints();
        java.util.List<Point2> points = new java.util.ArrayList<>();
        for (int i = 0; i < 68; i++) {
            int k = Math.max(0, i - MeanFace.FIRST_LANDMARK);
            points.add(new Point2(400 + 300 * mean[2 * k], 100 + 300 * mean[2 * k + 1]));
        }
        return new Landmarks(points);
    }

    private static Rect boundingBox(Rect box, Affine t) {
        Point2[] corners = {
            t.apply(new Point2(box.x(), box.y())), t.apply(new Point2(box.right(), box.y())),
            t.apply(new Point2(box.x(), box.bottom())), t.apply(new Point2(box.right(), box.bottom()))};
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Point2 c : corners) {
            minX = Math.min(minX, c.x());
            minY = Math.min(minY, c.y());
            maxX = Math.max(maxX, c.x());
            maxY = Math.max(maxY, c.y());
        }
        // Keep the box's size: rotation inflates the bounding box, dlib's boxes are upright squares.
        double side = Math.sqrt(Math.abs(t.determinant())) * box.width();
        return new Rect((minX + maxX - side) / 2, (minY + maxY - side) / 2, side, side);
    }
}
