package dev.faceswap4j.api;

/**
 * A training batch for one identity: {@code size} pairs of (warped input, undistorted target), each
 * {@code faceSize × faceSize × 3} RGB floats in [0, 1], NHWC, packed one after another; and, when
 * the faces' landmarks are known, {@code eyes}: a {@code faceSize × faceSize} weight per target pixel
 * (1 on the eye regions, 0 elsewhere), else an empty array; {@code mouth} likewise for the mouth, and
 * {@code face} for the whole face (the hull of the 68 landmarks, slightly dilated: what convert pastes).
 */
public record FaceBatch(int size, int faceSize, float[] warped, float[] target, float[] eyes, float[] mouth, float[] face) {

    public FaceBatch {
        int expected = size * faceSize * faceSize * 3;
        if (size <= 0 || faceSize <= 0) {
            throw new IllegalArgumentException("batch size and face size must be positive");
        }
        if (warped.length != expected || target.length != expected) {
            throw new IllegalArgumentException("batch arrays must hold " + expected + " floats");
        }
        for (float[] mask : new float[][] {eyes, mouth, face}) {
            if (mask.length != 0 && mask.length != expected / 3) {
                throw new IllegalArgumentException("the eye, mouth and face masks must hold " + expected / 3 + " floats (or none)");
            }
        }
    }

    /** A batch with eye and mouth masks but no face mask. */
    public FaceBatch(int size, int faceSize, float[] warped, float[] target, float[] eyes, float[] mouth) {
        this(size, faceSize, warped, target, eyes, mouth, new float[0]);
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

    public boolean hasFace() {
        return face.length != 0;
    }
}
