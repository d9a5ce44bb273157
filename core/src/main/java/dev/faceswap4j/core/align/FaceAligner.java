package dev.faceswap4j.core.align;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.core.image.OpenCvImages;

/**
 * Aligns faces to the mean face: the Umeyama similarity from landmarks 17..67 to {@link MeanFace}
 * gives a frame → unit-square transform; a crop of {@code size} pixels puts that unit square inside
 * a border of {@code padding} pixels (the original deepfakes training crop is 256 with 48).
 */
public final class FaceAligner {

    private static final double[] MEAN_FACE = MeanFace.unitPoints();

    private FaceAligner() {}

    /** Frame → unit-square similarity of a 68-point face. */
    public static Affine toUnitSquare(Landmarks landmarks) {
        if (landmarks.size() != Landmarks.DLIB_68) {
            throw new IllegalArgumentException("alignment needs the 68 dlib landmarks, got " + landmarks.size());
        }
        double[] from = new double[2 * MeanFace.POINTS];
        for (int i = 0; i < MeanFace.POINTS; i++) {
            from[2 * i] = landmarks.get(MeanFace.FIRST_LANDMARK + i).x();
            from[2 * i + 1] = landmarks.get(MeanFace.FIRST_LANDMARK + i).y();
        }
        return Similarity.estimate(from, MEAN_FACE);
    }

    /** Frame → crop transform for a {@code size}×{@code size} crop with the unit square inset by {@code padding}. */
    public static Affine cropTransform(Landmarks landmarks, int size, double padding) {
        if (size <= 0 || padding < 0 || 2 * padding >= size) {
            throw new IllegalArgumentException("crop size " + size + " with padding " + padding);
        }
        double scale = size - 2 * padding;
        return toUnitSquare(landmarks).then(new Affine(scale, 0, padding, 0, scale, padding));
    }

    /** The aligned crop: the frame warped by {@code frameToCrop} (bilinear, black outside the frame). */
    public static Image crop(Image frame, Affine frameToCrop, int size) {
        return OpenCvImages.warpAffine(frame, frameToCrop, size, size);
    }
}
