package dev.faceswap4j.toolkit;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;

/** Conversions between {@link Image}s and the interleaved RGB floats in [0, 1] the swap models take. */
public final class RgbFloats {

    private RgbFloats() {}

    /** Writes the image's pixels as RGB floats in [0, 1] (HWC) into {@code target} from {@code offset}. */
    public static void write(Image image, float[] target, int offset) {
        int channels = image.channels();
        int red = redIndex(image.order());
        int blue = channels == 1 ? 0 : 2 - red;
        byte[] pixels = image.pixels();
        int n = image.width() * image.height();
        for (int i = 0, o = offset; i < n; i++, o += 3) {
            int p = i * channels;
            target[o] = (pixels[p + red] & 0xFF) / 255f;
            target[o + 1] = (pixels[p + (channels == 1 ? 0 : 1)] & 0xFF) / 255f;
            target[o + 2] = (pixels[p + blue] & 0xFF) / 255f;
        }
    }

    /** The {@code width}×{@code height} RGB floats at {@code offset} as an image in {@code order} (clamped, rounded). */
    public static Image read(float[] source, int offset, int width, int height, ChannelOrder order) {
        int channels = order.channels();
        byte[] pixels = new byte[width * height * channels];
        for (int i = 0, s = offset; i < width * height; i++, s += 3) {
            int p = i * channels;
            if (channels == 1) {
                pixels[p] = toByte(0.299f * source[s] + 0.587f * source[s + 1] + 0.114f * source[s + 2]);
                continue;
            }
            int red = redIndex(order);
            pixels[p + red] = toByte(source[s]);
            pixels[p + 1] = toByte(source[s + 1]);
            pixels[p + 2 - red] = toByte(source[s + 2]);
            if (channels == 4) {
                pixels[p + 3] = (byte) 255;
            }
        }
        return new Image(width, height, order, pixels);
    }

    private static int redIndex(ChannelOrder order) {
        return order == ChannelOrder.BGR || order == ChannelOrder.BGRA ? 2 : 0;
    }

    private static byte toByte(float value) {
        return (byte) Math.round(Math.max(0f, Math.min(1f, value)) * 255f);
    }
}
