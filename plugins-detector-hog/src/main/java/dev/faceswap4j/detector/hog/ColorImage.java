package dev.faceswap4j.detector.hog;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;

/**
 * Three interleaved 8-bit channels, the layout the FHOG code works on, and which of them is red:
 * dlib breaks ties between equally strong channel gradients by channel (red, green, blue), so the
 * order matters there and nowhere else. Gray input is replicated into three channels, which gives
 * the same gradients; alpha is dropped.
 */
record ColorImage(int width, int height, byte[] pixels, boolean bgr) {

    static ColorImage of(Image image) {
        int n = image.width() * image.height();
        byte[] src = image.pixels();
        switch (image.order()) {
            case BGR, RGB -> {
                return new ColorImage(image.width(), image.height(), src, image.order() == ChannelOrder.BGR);
            }
            case GRAY -> {
                byte[] out = new byte[3 * n];
                for (int i = 0; i < n; i++) {
                    out[3 * i] = src[i];
                    out[3 * i + 1] = src[i];
                    out[3 * i + 2] = src[i];
                }
                return new ColorImage(image.width(), image.height(), out, false);
            }
            default -> {
                byte[] out = new byte[3 * n];
                for (int i = 0; i < n; i++) {
                    out[3 * i] = src[4 * i];
                    out[3 * i + 1] = src[4 * i + 1];
                    out[3 * i + 2] = src[4 * i + 2];
                }
                return new ColorImage(image.width(), image.height(), out, image.order() == ChannelOrder.BGRA);
            }
        }
    }
}
