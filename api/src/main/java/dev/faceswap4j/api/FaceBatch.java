package dev.faceswap4j.api;

/**
 * A training batch for one identity: {@code size} pairs of (warped input, undistorted target), each
 * {@code faceSize × faceSize × 3} RGB floats in [0, 1], NHWC, packed one after another.
 */
public record FaceBatch(int size, int faceSize, float[] warped, float[] target) {

    public FaceBatch {
        int expected = size * faceSize * faceSize * 3;
        if (size <= 0 || faceSize <= 0) {
            throw new IllegalArgumentException("batch size and face size must be positive");
        }
        if (warped.length != expected || target.length != expected) {
            throw new IllegalArgumentException("batch arrays must hold " + expected + " floats");
        }
    }
}
