package dev.faceswap4j.core.train;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.core.face.FaceRecord;
import dev.faceswap4j.core.image.OpenCvImages;
import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The eye regions of an aligned crop, from the face's 68 landmarks (dlib order: 36–41 right eye,
 * 42–47 left eye): each eye's convex hull, dilated by {@value #DILATE_FRACTION} of the crop so the lids
 * and lashes are in, as an 8-bit mask (255 inside). The GAN weighs its eye losses with it; the
 * autoencoder's eye multiplier too. {@link #mouthOf} is the same for the mouth (48–67, lips and teeth),
 * the region faceswap's mouth multiplier weighs. {@link #faceOf} is the hull of all 68 points, dilated alike:
 * the region convert pastes (its hull mask), which a mask-aware loss weighs and a learned mask is trained towards.
 */
public final class EyeMasks {

    static final double DILATE_FRACTION = 1 / 32.0;
    private static final int[][] EYES = {{36, 37, 38, 39, 40, 41}, {42, 43, 44, 45, 46, 47}};
    private static final int[][] MOUTH = {{48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59}};
    private static final int[][] FACE = {IntStream.range(0, 68).toArray()};

    private EyeMasks() {}

    /** The eye mask of {@code face}'s crop ({@code cropSize} square), its landmarks mapped by the crop's matrix. */
    public static Image of(FaceRecord face, int cropSize) {
        return of(face.landmarks(), face.matrix(), cropSize);
    }

    /** The mouth mask of {@code face}'s crop: the outer lip line's hull, dilated as the eyes. */
    public static Image mouthOf(FaceRecord face, int cropSize) {
        return regions(face.landmarks(), face.matrix(), cropSize, MOUTH);
    }

    /** The face mask of {@code face}'s crop: the hull of the 68 landmarks, dilated as the eyes. */
    public static Image faceOf(FaceRecord face, int cropSize) {
        return regions(face.landmarks(), face.matrix(), cropSize, FACE);
    }

    static Image of(List<Point2> frameLandmarks, Affine frameToCrop, int cropSize) {
        return regions(frameLandmarks, frameToCrop, cropSize, EYES);
    }

    private static Image regions(List<Point2> frameLandmarks, Affine frameToCrop, int cropSize, int[][] regions) {
        if (frameLandmarks.size() != 68) {
            throw new IllegalArgumentException("eye and mouth masks need the 68 dlib landmarks, got " + frameLandmarks.size());
        }
        int radius = Math.max(1, (int) Math.round(cropSize * DILATE_FRACTION));
        try (Mat mask = new Mat(cropSize, cropSize, opencv_core.CV_8UC1, new Scalar(0));
                Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(2 * radius + 1, 2 * radius + 1));
                Scalar white = new Scalar(255)) {
            for (int[] eye : regions) {
                try (Mat points = new Mat(eye.length, 1, opencv_core.CV_32SC2); Mat hull = new Mat()) {
                    try (IntIndexer indexer = points.createIndexer()) {
                        for (int i = 0; i < eye.length; i++) {
                            Point2 p = frameToCrop.apply(frameLandmarks.get(eye[i]));
                            indexer.put(i, 0, 0, (int) Math.round(p.x()));
                            indexer.put(i, 0, 1, (int) Math.round(p.y()));
                        }
                    }
                    opencv_imgproc.convexHull(points, hull);
                    opencv_imgproc.fillConvexPoly(mask, hull, white);
                }
            }
            opencv_imgproc.dilate(mask, mask, kernel);
            return OpenCvImages.toImage(mask, ChannelOrder.GRAY);
        }
    }
}
