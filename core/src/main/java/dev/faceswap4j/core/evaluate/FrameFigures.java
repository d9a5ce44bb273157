package dev.faceswap4j.core.evaluate;

/**
 * The figures of one source | swapped frame pair (NaN where they do not apply: no face, or no previous frame).
 *
 * @param frame index in the source video
 * @param sourceFace whether the source frame has a face
 * @param swappedFace whether the swapped frame has a face where the source has it
 * @param swappedNearest the identity nearest to the swapped face ("" without one)
 * @param sourceNearest the identity nearest to the source face
 * @param swappedToTarget descriptor distance of the swapped face to the target's mean
 * @param swappedToSource descriptor distance of the swapped face to the source person's mean
 * @param sourceToTarget the same for the unswapped face: the baseline
 * @param swappedTargetCosine cosine similarity of the swapped face to the target's mean
 * @param landmarkError mean landmark distance swapped vs source (68 points), in outer-eye-corner distances
 * @param innerLandmarkError the same over the 51 inner points (brows, eyes, nose, mouth)
 * @param landmarkParts the same part by part (jaw, brows, nose, eyes, mouth)
 * @param expressionError how far the swapped face's expression departs from the source's, apart from face shape: the
 *        distance of their aligned landmarks' offsets from each video's own mean shape, in eye distances
 * @param expressionParts the same part by part
 * @param expressionFrozen the source's offset from its mean shape: the expression error of a face that never moves
 * @param psnrOutside PSNR swapped vs source away from the face, dB
 * @param psnrInside PSNR over the face
 * @param sharpnessSource variance of the Laplacian over the face, source
 * @param sharpnessSwapped the same, swapped
 * @param jitter landmark motion from the previous frame the swap added (mean |swapped motion| − mean |source motion|), in eye distances
 * @param flickerSource mean luma change over the face from the previous frame, source
 * @param flickerSwapped the same, swapped
 */
public record FrameFigures(int frame, boolean sourceFace, boolean swappedFace, String swappedNearest, String sourceNearest,
        double swappedToTarget, double swappedToSource, double sourceToTarget, double swappedTargetCosine,
        double landmarkError, double innerLandmarkError, LandmarkParts landmarkParts,
        double expressionError, LandmarkParts expressionParts, double expressionFrozen, double psnrOutside, double psnrInside,
        double sharpnessSource, double sharpnessSwapped, double jitter, double flickerSource, double flickerSwapped) {}
