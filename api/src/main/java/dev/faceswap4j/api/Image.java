package dev.faceswap4j.api;

import java.util.Objects;

/**
 * An 8-bit image with interleaved channels, rows top to bottom, no row padding.
 *
 * <p>The pixel array is shared, not copied: stages treat images as read-only and allocate new ones
 * for their output, so a frame can pass through the pipeline without copies.
 */
public record Image(int width, int height, ChannelOrder order, byte[] pixels) {

    public Image {
        Objects.requireNonNull(order, "order is null");
        Objects.requireNonNull(pixels, "pixels is null");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        long expected = (long) width * height * order.channels();
        if (pixels.length != expected) {
            throw new IllegalArgumentException(
                    "pixel array has " + pixels.length + " bytes, " + width + "x" + height + " " + order + " needs " + expected);
        }
    }

    public int channels() {
        return order.channels();
    }

    /** The unsigned value of channel {@code c} at (x, y). */
    public int get(int x, int y, int c) {
        return pixels[(y * width + x) * order.channels() + c] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other
                && width == other.width && height == other.height && order == other.order
                && java.util.Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, order, java.util.Arrays.hashCode(pixels));
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + " " + order + "]";
    }
}
