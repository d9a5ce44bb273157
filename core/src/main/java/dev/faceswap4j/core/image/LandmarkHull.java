package dev.faceswap4j.core.image;

import dev.faceswap4j.api.Landmarks;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** The convex hull of a face's landmarks as a mask: the face region the convert mask and the quality figures use. */
public final class LandmarkHull {

    private LandmarkHull() {}

    /** Fills the hull of {@code landmarks} with 255 into the 8-bit {@code mask}, whose pixel (0, 0) is frame pixel (originX, originY). */
    public static void fill(Mat mask, Landmarks landmarks, int originX, int originY) {
        try (Mat points = new Mat(landmarks.size(), 1, opencv_core.CV_32SC2); Mat convex = new Mat()) {
            try (IntIndexer indexer = points.createIndexer()) {
                for (int i = 0; i < landmarks.size(); i++) {
                    indexer.put(i, 0, 0, (int) Math.round(landmarks.get(i).x() - originX));
                    indexer.put(i, 0, 1, (int) Math.round(landmarks.get(i).y() - originY));
                }
            }
            opencv_imgproc.convexHull(points, convex);
            try (Scalar white = new Scalar(255)) {
                opencv_imgproc.fillConvexPoly(mask, convex, white);
            }
        }
    }
}
