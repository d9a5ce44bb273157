package dev.faceswap4j.api;

/** The host's image operations a stage may need (OpenCV in the distribution). */
public interface ImageOps {

    /**
     * The {@code regionWidth}×{@code regionHeight} region at ({@code x}, {@code y}) resampled to
     * {@code width}×{@code height}: area averaging when shrinking, bilinear when enlarging. The
     * region must lie inside the image.
     */
    Image cropResize(Image source, int x, int y, int regionWidth, int regionHeight, int width, int height);
}
