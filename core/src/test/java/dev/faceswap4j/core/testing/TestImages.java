package dev.faceswap4j.core.testing;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;

/** Variants of real test images. */
public final class TestImages {

    private TestImages() {}

    /** The gray version of a BGR image, each pixel the integer mean of its channels (dlib's conversion). */
    public static Image gray(Image bgr) {
        int n = bgr.width() * bgr.height();
        byte[] px = bgr.pixels();
        byte[] gray = new byte[n];
        for (int i = 0; i < n; i++) {
            gray[i] = (byte) (((px[3 * i] & 0xFF) + (px[3 * i + 1] & 0xFF) + (px[3 * i + 2] & 0xFF)) / 3);
        }
        return new Image(bgr.width(), bgr.height(), ChannelOrder.GRAY, gray);
    }
}
