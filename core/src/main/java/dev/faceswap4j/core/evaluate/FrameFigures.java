package dev.faceswap4j.core.evaluate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The figures of one source | swapped frame pair (NaN where they do not apply: no face, or no previous frame), in
 * groups; {@code evaluate.json} lists them flat.
 *
 * @param frame index in the source video
 * @param sourceFace whether the source frame has a face
 * @param swappedFace whether the swapped frame has a face where the source has it
 */
public record FrameFigures(int frame, boolean sourceFace, boolean swappedFace, @JsonUnwrapped Identity identity,
        @JsonUnwrapped LandmarkFigures landmarks, @JsonUnwrapped Pixels pixels, @JsonUnwrapped Stability stability) {

    /**
     * Whom the faces look like.
     *
     * @param swappedNearest the identity nearest to the swapped face ("" without one)
     * @param sourceNearest the identity nearest to the source face
     * @param swappedToTarget descriptor distance of the swapped face to the target's mean
     * @param swappedToSource descriptor distance of the swapped face to the source person's mean
     * @param sourceToTarget the same for the unswapped face: the baseline
     * @param swappedTargetCosine cosine similarity of the swapped face to the target's mean
     * @param targetRank where the target stands among everyone by distance to the swapped face (1: nearest; 0 without one)
     * @param targetMargin the distance to the nearest other person minus that to the target (above 0: the target is nearest)
     */
    public record Identity(String swappedNearest, String sourceNearest, double swappedToTarget, double swappedToSource, double sourceToTarget,
            double swappedTargetCosine, int targetRank, double targetMargin) {}

    /**
     * What the swap did to the pixels.
     *
     * @param psnrOutside PSNR swapped vs source away from the face, dB
     * @param psnrInside PSNR over the face
     * @param sharpnessSource variance of the Laplacian over the face, source
     * @param sharpnessSwapped the same, swapped
     */
    public record Pixels(double psnrOutside, double psnrInside, double sharpnessSource, double sharpnessSwapped) {
        public static final Pixels NONE = new Pixels(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Change from the previous frame pair.
     *
     * @param jitter landmark motion the swap added (mean |swapped motion| − mean |source motion|), in eye distances
     * @param flickerSource mean luma change over the face, source
     * @param flickerSwapped the same, swapped
     */
    public record Stability(double jitter, double flickerSource, double flickerSwapped) {
        public static final Stability NONE = new Stability(Double.NaN, Double.NaN, Double.NaN);
    }
}
