package dev.faceswap4j.api;

/**
 * A training batch for one identity: {@code size} pairs of (warped input, undistorted target), each
 * {@code faceSize × faceSize × 3} RGB floats in [0, 1], NHWC, packed one after another; and, when
 * the faces' landmarks are known, {@code eyes}: a {@code faceSize × faceSize} weight per target pixel
 * (1 on the eye regions, 0 elsewhere), else an empty array; {@code mouth} likewise for the mouth.
 */
public record FaceBatch(int size, int faceSize, float[] warped, float[] target, float[] eyes, float[] mouth) {

    public FaceBatch {
        int expected = size * faceSize * faceSize * 3;
        if (size <= 0 || faceSize <= 0) {
            throw new IllegalArgumentException("batch size and face size must be positive");
        }
        if (warped.length != expected || target.length != expected) {
            throw new IllegalArgumentException("batch arrays must hold " + expected + " floats");
        }
        if (eyes.length != 0 && eyes.length != expected / 3 || mouth.length != 0 && mouth.length != expected / 3) {
            throw new IllegalArgumentException("the eye and mouth masks must hold " + expected / 3 + " floats (or none)");
        }
    }

    /** A batch with eye masks but no mouth masks. */
    public FaceBatch(int size, int faceSize, float[] warped, float[] target, float[] eyes) {
        this(size, faceSize, warped, target, eyes, new float[0]);
    }

    /** A batch without eye masks. */
    public FaceBatch(int size, int faceSize, float[] warped, float[] target) {
        this(size, faceSize, warped, target, new float[0], new float[0]);
    }

    public boolean hasEyes() {
        return eyes.length != 0;
    }

    public boolean hasMouth() {
        return mouth.length != 0;
    }
}
