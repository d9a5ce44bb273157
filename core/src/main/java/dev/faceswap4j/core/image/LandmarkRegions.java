package dev.faceswap4j.core.image;

import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Regions of a face from its 68 landmarks (dlib order) that convert can leave as the source shows them. */
public enum LandmarkRegions {

    /** The inner mouth (60–67): teeth and tongue, when the lips are apart. */
    MOUTH(new int[][] {{60, 61, 62, 63, 64, 65, 66, 67}}),
    /** Both eyes (36–41, 42–47). */
    EYES(new int[][] {{36, 37, 38, 39, 40, 41}, {42, 43, 44, 45, 46, 47}});

    private final int[][] polygons;

    LandmarkRegions(int[][] polygons) {
        this.polygons = polygons;
    }

    /** The region by its config name ({@code mouth}, {@code eyes}), or null. */
    public static LandmarkRegions byName(String name) {
        for (LandmarkRegions region : values()) {
            if (region.name().equalsIgnoreCase(name)) {
                return region;
            }
        }
        return null;
    }

    /**
     * How far the lips are apart: the mean gap between the inner lips (61–67, 62–66, 63–65) in outer-eye-corner
     * distances (36–45), so it reads alike at any face size. About 0 for a closed mouth, 0.3 and more wide open.
     */
    public static double mouthOpening(Landmarks landmarks) {
        double gap = (distance(landmarks, 61, 67) + distance(landmarks, 62, 66) + distance(landmarks, 63, 65)) / 3;
        return gap / distance(landmarks, 36, 45);
    }

    /** Sets this region's pixels of the 8-bit {@code mask} (pixel (0, 0) = frame pixel (originX, originY)) to {@code value}. */
    public void fill(Mat mask, Landmarks landmarks, int originX, int originY, int value) {
        try (MatVector shapes = new MatVector(polygons.length); Scalar colour = new Scalar(value)) {
            for (int p = 0; p < polygons.length; p++) {
                Mat points = new Mat(polygons[p].length, 1, opencv_core.CV_32SC2);
                try (IntIndexer indexer = points.createIndexer()) {
                    for (int i = 0; i < polygons[p].length; i++) {
                        Point2 point = landmarks.get(polygons[p][i]);
                        indexer.put(i, 0, 0, (int) Math.round(point.x() - originX));
                        indexer.put(i, 0, 1, (int) Math.round(point.y() - originY));
                    }
                }
                shapes.put(p, points);
            }
            opencv_imgproc.fillPoly(mask, shapes, colour);
        }
    }

    private static double distance(Landmarks landmarks, int a, int b) {
        Point2 p = landmarks.get(a);
        Point2 q = landmarks.get(b);
        return Math.hypot(p.x() - q.x(), p.y() - q.y());
    }
}
