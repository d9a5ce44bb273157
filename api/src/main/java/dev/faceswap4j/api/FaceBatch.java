package dev.faceswap4j.api;

/**
 * A training batch for one identity: {@code size} pairs of (warped input, undistorted target), each
 * {@code faceSize × faceSize × 3} RGB floats in [0, 1], NHWC, packed one after another; and, when
 * the faces' landmarks are known, {@code eyes}: a {@code faceSize × faceSize} weight per target pixel
 * (1 on the eye regions, 0 elsewhere), else an empty array.
 */
public record FaceBatch(int size, int faceSize, float[] warped, float[] target, float[] eyes) {

    public FaceBatch {
        int expected = size * faceSize * faceSize * 3;
        if (size <= 0 || faceSize <= 0) {
            throw new IllegalArgumentException("batch size and face size must be positive");
        }
        if (warped.length != expected || target.length != expected) {
            throw new IllegalArgumentException("batch arrays must hold " + expected + " floats");
        }
        if (eyes.length != 0 && eyes.length != expected / 3) {
            throw new IllegalArgumentException("the eye masks must hold " + expected / 3 + " floats (or none)");
        }
    }

    /** A batch without eye masks. */
    public FaceBatch(int size, int faceSize, float[] warped, float[] target) {
        this(size, faceSize, warped, target, new float[0]);
    }

    public boolean hasEyes() {
        return eyes.length != 0;
    }
}
