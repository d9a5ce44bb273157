package dev.faceswap4j.core.convert;

import dev.faceswap4j.api.Image;

/** Pixel mixes of two model faces of the same size and channel order. */
final class FaceBlend {

    private FaceBlend() {}

    /** {@code weight · previous + (1 − weight) · current}, rounded. */
    static Image mix(Image previous, Image current, double weight) {
        if (previous.width() != current.width() || previous.height() != current.height() || previous.order() != current.order()) {
            return current;
        }
        byte[] a = previous.pixels();
        byte[] b = current.pixels();
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) Math.round(weight * (a[i] & 0xff) + (1 - weight) * (b[i] & 0xff));
        }
        return new Image(current.width(), current.height(), current.order(), out);
    }
}
