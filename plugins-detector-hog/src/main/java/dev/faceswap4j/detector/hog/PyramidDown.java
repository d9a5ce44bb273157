package dev.faceswap4j.detector.hog;

/**
 * dlib's {@code pyramid_down<6>}: each level is 5/6 of the one above, resized bilinearly the way
 * dlib's RGB {@code resize_image} does it — four output pixels at a time in float arithmetic with
 * truncation, the last few columns of a row in double — so the pixels equal dlib's.
 */
final class PyramidDown {

    static final double RATIO_DOWN = 5.0 / 6.0;
    static final double RATIO_UP = 6.0 / 5.0;

    private PyramidDown() {}

    static ColorImage down(ColorImage in) {
        int outRows = (int) ((5L * in.height()) / 6);
        int outCols = (int) ((5L * in.width()) / 6);
        return resize(in, outCols, outRows);
    }

    static ColorImage resize(ColorImage in, int outCols, int outRows) {
        int inCols = in.width();
        int inRows = in.height();
        byte[] src = in.pixels();
        byte[] dst = new byte[outCols * outRows * 3];
        if (outCols == 0 || outRows == 0) {
            return new ColorImage(Math.max(outCols, 1), Math.max(outRows, 1), new byte[Math.max(outCols, 1) * Math.max(outRows, 1) * 3], in.bgr());
        }
        double xScale = (inCols - 1) / (double) Math.max(outCols - 1, 1);
        double yScale = (inRows - 1) / (double) Math.max(outRows - 1, 1);
        float xScale4 = (float) (4 * xScale);
        float[] lane = new float[4];
        int[] left = new int[4];
        float[] tlf = new float[4];
        float[] trf = new float[4];
        float[] blf = new float[4];
        float[] brf = new float[4];
        double y = -yScale;
        for (int r = 0; r < outRows; r++) {
            y += yScale;
            int top = (int) Math.floor(y);
            int bottom = Math.min(top + 1, inRows - 1);
            double tbFrac = y - top;
            float tb = (float) tbFrac;
            float invTb = (float) (1 - tbFrac);
            double x = -4 * xScale;
            for (int k = 0; k < 4; k++) {
                lane[k] = (float) (x + k * xScale);
            }
            int topRow = top * inCols * 3;
            int bottomRow = bottom * inCols * 3;
            int c = 0;
            for (;; c += 4) {
                for (int k = 0; k < 4; k++) {
                    lane[k] += xScale4;
                    left[k] = (int) lane[k];
                    float lr = lane[k] - left[k];
                    float invLr = 1 - lr;
                    tlf[k] = invTb * invLr;
                    trf[k] = invTb * lr;
                    blf[k] = tb * invLr;
                    brf[k] = tb * lr;
                }
                if (left[3] + 1 >= inCols) {
                    break;
                }
                int o = (r * outCols + c) * 3;
                for (int k = 0; k < 4; k++) {
                    int l = left[k] * 3;
                    for (int ch = 0; ch < 3; ch++) {
                        float v = tlf[k] * (src[topRow + l + ch] & 0xFF) + trf[k] * (src[topRow + l + 3 + ch] & 0xFF)
                                + blf[k] * (src[bottomRow + l + ch] & 0xFF) + brf[k] * (src[bottomRow + l + 3 + ch] & 0xFF);
                        dst[o + 3 * k + ch] = (byte) (int) v;
                    }
                }
            }
            x = -xScale + c * xScale;
            for (; c < outCols; c++) {
                x += xScale;
                int l = (int) Math.floor(x);
                int rr = Math.min(l + 1, inCols - 1);
                double lr = x - l;
                int o = (r * outCols + c) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    double v = (1 - tbFrac) * ((1 - lr) * (src[topRow + 3 * l + ch] & 0xFF) + lr * (src[topRow + 3 * rr + ch] & 0xFF))
                            + tbFrac * ((1 - lr) * (src[bottomRow + 3 * l + ch] & 0xFF) + lr * (src[bottomRow + 3 * rr + ch] & 0xFF));
                    dst[o + ch] = (byte) (int) v;
                }
            }
        }
        return new ColorImage(outCols, outRows, dst, in.bgr());
    }

    /** dlib's pyramid_down&lt;6&gt;::rect_down of an integer rectangle, rounded back to integers. */
    static long[] rectDown(long[] rect) {
        return new long[] {round((rect[0] - 0.3) * RATIO_DOWN), round((rect[1] - 0.3) * RATIO_DOWN),
            round((rect[2] - 0.3) * RATIO_DOWN), round((rect[3] - 0.3) * RATIO_DOWN)};
    }

    /** dlib's rect_up(rect, levels) of an integer rectangle (left, top, right, bottom), rounded to integers. */
    static long[] rectUp(long left, long top, long right, long bottom, int levels) {
        double l = left, t = top, r = right, b = bottom;
        for (int i = 0; i < levels; i++) {
            l = l * RATIO_UP + 0.3;
            t = t * RATIO_UP + 0.3;
            r = r * RATIO_UP + 0.3;
            b = b * RATIO_UP + 0.3;
        }
        return new long[] {round(l), round(t), round(r), round(b)};
    }

    private static long round(double v) {
        return (long) Math.floor(v + 0.5);
    }
}
