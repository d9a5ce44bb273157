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
        // Column positions are the same on every row: dlib steps four float lanes by 4·xScale until
        // a lane's right neighbour leaves the image, then finishes the row in double.
        int simdCols = 0;
        int[] left = new int[outCols];
        float[] lrFrac = new float[outCols];
        float[] lane = new float[4];
        double x0 = -4 * xScale;
        for (int k = 0; k < 4; k++) {
            lane[k] = (float) (x0 + k * xScale);
        }
        float xScale4 = (float) (4 * xScale);
        for (int c = 0; c + 4 <= outCols; c += 4) {
            int[] l = new int[4];
            for (int k = 0; k < 4; k++) {
                lane[k] += xScale4;
                l[k] = (int) lane[k];
            }
            if (l[3] + 1 >= inCols) {
                break;
            }
            for (int k = 0; k < 4; k++) {
                left[c + k] = l[k];
                lrFrac[c + k] = lane[k] - l[k];
            }
            simdCols = c + 4;
        }
        double[] tailFrac = new double[outCols];
        double x = -xScale + simdCols * xScale;
        for (int c = simdCols; c < outCols; c++) {
            x += xScale;
            left[c] = (int) Math.floor(x);
            tailFrac[c] = x - left[c];
        }
        double y = -yScale;
        for (int r = 0; r < outRows; r++) {
            y += yScale;
            int top = (int) Math.floor(y);
            int bottom = Math.min(top + 1, inRows - 1);
            double tbFrac = y - top;
            float tb = (float) tbFrac;
            float invTb = (float) (1 - tbFrac);
            int topRow = top * inCols * 3;
            int bottomRow = bottom * inCols * 3;
            int o = r * outCols * 3;
            for (int c = 0; c < simdCols; c++, o += 3) {
                float lr = lrFrac[c];
                float invLr = 1 - lr;
                float tlf = invTb * invLr;
                float trf = invTb * lr;
                float blf = tb * invLr;
                float brf = tb * lr;
                int t = topRow + 3 * left[c];
                int b = bottomRow + 3 * left[c];
                for (int ch = 0; ch < 3; ch++) {
                    float v = tlf * (src[t + ch] & 0xFF) + trf * (src[t + 3 + ch] & 0xFF)
                            + blf * (src[b + ch] & 0xFF) + brf * (src[b + 3 + ch] & 0xFF);
                    dst[o + ch] = (byte) (int) v;
                }
            }
            for (int c = simdCols; c < outCols; c++, o += 3) {
                int l = left[c];
                int rr = Math.min(l + 1, inCols - 1);
                double lr = tailFrac[c];
                for (int ch = 0; ch < 3; ch++) {
                    double v = (1 - tbFrac) * ((1 - lr) * (src[topRow + 3 * l + ch] & 0xFF) + lr * (src[topRow + 3 * rr + ch] & 0xFF))
                            + tbFrac * ((1 - lr) * (src[bottomRow + 3 * l + ch] & 0xFF) + lr * (src[bottomRow + 3 * rr + ch] & 0xFF));
                    dst[o + ch] = (byte) (int) v;
                }
            }
        }
        return new ColorImage(outCols, outRows, dst, in.bgr());
    }

    /**
     * dlib's {@code pyramid_up(img)}: {@code pyramid_down<2>}'s rect_up of the image rectangle,
     * (p + (1.25, 0.75))·2 rounded, gives a (2w + 2) × (2h + 1) image, filled by the same bilinear resize.
     */
    static ColorImage up2(ColorImage in) {
        return resize(in, 2 * in.width() + 2, 2 * in.height() + 1);
    }

    /** dlib's {@code pyramid_down<2>::rect_down} of an integer rectangle, p/2 − (1.25, 0.75), rounded. */
    static long[] rectDown2(long[] rect) {
        return new long[] {round(rect[0] / 2.0 - 1.25), round(rect[1] / 2.0 - 0.75), round(rect[2] / 2.0 - 1.25), round(rect[3] / 2.0 - 0.75)};
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
