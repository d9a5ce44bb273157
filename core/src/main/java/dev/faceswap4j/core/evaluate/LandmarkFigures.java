package dev.faceswap4j.core.evaluate;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How well a swap keeps the source's pose and expression, from the 68 landmarks of both faces, in outer-eye-corner
 * distances: one frame pair's figures, or their means over a video (NaN where they do not apply).
 *
 * @param landmarkError mean landmark distance swapped vs source (68 points)
 * @param innerLandmarkError the same over the 51 inner points (brows, eyes, nose, mouth)
 * @param landmarkParts the same part by part (jaw, brows, nose, eyes, mouth)
 * @param expressionError how far the swapped face's expression departs from the source's, apart from face shape: the
 *        distance of their aligned landmarks' offsets from each video's own mean shape
 * @param expressionParts the same part by part
 * @param expressionFrozen the source's offset from its mean shape: the expression error of a face that never moves
 */
public record LandmarkFigures(double landmarkError, double innerLandmarkError, LandmarkParts landmarkParts, double expressionError,
        LandmarkParts expressionParts, double expressionFrozen) {

    public static final LandmarkFigures NONE = new LandmarkFigures(Double.NaN, Double.NaN, LandmarkParts.NONE, Double.NaN, LandmarkParts.NONE,
            Double.NaN);

    /** The pose figures of a frame pair, its expression figures still to come (they need the whole video). */
    static LandmarkFigures pose(double landmarkError, double innerLandmarkError, LandmarkParts landmarkParts) {
        return new LandmarkFigures(landmarkError, innerLandmarkError, landmarkParts, Double.NaN, LandmarkParts.NONE, Double.NaN);
    }

    LandmarkFigures withExpression(double error, LandmarkParts parts, double frozen) {
        return new LandmarkFigures(landmarkError, innerLandmarkError, landmarkParts, error, parts, frozen);
    }

    /** Figure by figure, the mean over the frame pairs that have it (NaN-free). */
    static LandmarkFigures mean(List<LandmarkFigures> frames) {
        return new LandmarkFigures(mean(frames, LandmarkFigures::landmarkError), mean(frames, LandmarkFigures::innerLandmarkError),
                LandmarkParts.mean(frames.stream().map(LandmarkFigures::landmarkParts).toList()), mean(frames, LandmarkFigures::expressionError),
                LandmarkParts.mean(frames.stream().map(LandmarkFigures::expressionParts).toList()), mean(frames, LandmarkFigures::expressionFrozen));
    }

    private static double mean(List<LandmarkFigures> frames, ToDoubleFunction<LandmarkFigures> figure) {
        return frames.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
