package dev.faceswap4j.core.evaluate;

import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The landmark error of a swap, part by part of the 68-point layout, in outer-eye-corner distances. The parts
 * say what the error is: eyes and mouth that do not follow the source are a lost expression; jaw and brows where
 * the source's are not may be the target's own face shape, which a swap that changes the person brings along.
 */
public record LandmarkParts(double jaw, double brows, double nose, double eyes, double mouth) {

    /** Where each part begins in the 68-point layout; the mouth runs to the end. */
    private static final int BROWS_FROM = 17;
    private static final int NOSE_FROM = 27;
    private static final int EYES_FROM = 36;
    private static final int MOUTH_FROM = 48;
    /** Outer eye corners: the distance that normalises landmark figures. */
    private static final int LEFT_EYE_OUTER = 36;
    private static final int RIGHT_EYE_OUTER = 45;

    public static final LandmarkParts NONE = new LandmarkParts(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The mean distance of each part's points, {@code swapped} vs {@code source}, divided by {@code scale}. */
    static LandmarkParts between(Landmarks swapped, Landmarks source, double scale) {
        return new LandmarkParts(meanDistance(swapped, source, 0, BROWS_FROM) / scale,
                meanDistance(swapped, source, BROWS_FROM, NOSE_FROM) / scale,
                meanDistance(swapped, source, NOSE_FROM, EYES_FROM) / scale,
                meanDistance(swapped, source, EYES_FROM, MOUTH_FROM) / scale,
                meanDistance(swapped, source, MOUTH_FROM, Landmarks.DLIB_68) / scale);
    }

    /** Part by part, the mean over the frames that have a figure (NaN-free). */
    static LandmarkParts mean(List<LandmarkParts> frames) {
        return new LandmarkParts(mean(frames, LandmarkParts::jaw), mean(frames, LandmarkParts::brows), mean(frames, LandmarkParts::nose),
                mean(frames, LandmarkParts::eyes), mean(frames, LandmarkParts::mouth));
    }

    /** Distance of the outer eye corners of a 68-point face. */
    static double eyeDistance(Landmarks face) {
        Point2 left = face.get(LEFT_EYE_OUTER);
        Point2 right = face.get(RIGHT_EYE_OUTER);
        return Math.hypot(left.x() - right.x(), left.y() - right.y());
    }

    /** Mean distance of points {@code from} (inclusive) to {@code to} (exclusive). */
    static double meanDistance(Landmarks a, Landmarks b, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            Point2 p = a.get(i);
            Point2 q = b.get(i);
            sum += Math.hypot(p.x() - q.x(), p.y() - q.y());
        }
        return sum / (to - from);
    }

    private static double mean(List<LandmarkParts> frames, ToDoubleFunction<LandmarkParts> part) {
        return frames.stream().mapToDouble(part).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
