package dev.faceswap4j.detector.hog;

/**
 * Felzenszwalb HOG features (31 per cell: 18 signed and 9 unsigned orientation bins, 4 texture
 * terms) as dlib's {@code extract_fhog_features} computes them for an RGB image, including its
 * float arithmetic: the gradient of the channel with the largest magnitude, bilinear votes into
 * 8×8 cells, block normalisation clipped at 0.2. Where dlib handles 8 columns at a time (SIMD) and
 * where it finishes a row one column at a time, the same choices are made here (they differ in
 * tie-breaking between channels and in the order of a product), so the features match dlib's.
 *
 * <p>The output planes are padded as the scanner wants them: {@code (hogRows + filterHeight - 1) ×
 * (hogCols + filterWidth - 1)}, features placed at offset ((filterHeight-1)/2, (filterWidth-1)/2),
 * zeros around.
 */
final class Fhog {

    /** 31 planes, each {@code rows × cols}, row-major. Empty (rows = 0) when the image is too small. */
    record Planes(float[][] planes, int rows, int cols) {
        boolean isEmpty() {
            return rows == 0 || cols == 0;
        }
    }

    private static final float[] DIR_X = {1.0000f, 0.9397f, 0.7660f, 0.500f, 0.1736f, -0.1736f, -0.5000f, -0.7660f, -0.9397f};
    private static final float[] DIR_Y = {0.0000f, 0.3420f, 0.6428f, 0.8660f, 0.9848f, 0.9848f, 0.8660f, 0.6428f, 0.3420f};
    private static final float EPS = 0.0001f;
    private static final int[] RGB = {0, 1, 2};
    /**
     * The orientation bin of every integer gradient (gx, gy in -255..255), computed once with the
     * same float arithmetic as {@link #orientation}: a table lookup instead of 18 comparisons per pixel.
     */
    private static final byte[] ORIENTATION = orientationTable();
    /** sqrt of every possible squared gradient length (at most 2·255²), as dlib's float sqrt gives it. */
    private static final float[] SQRT = sqrtTable();
    private static final int[] BGR_TO_RGB = {2, 1, 0};

    private Fhog() {}

    static Planes extract(ColorImage img, int cellSize, int filterRows, int filterCols) {
        int nr = img.height();
        int nc = img.width();
        byte[] px = img.pixels();
        int cellsNr = (int) ((float) nr / (float) cellSize + 0.5);
        int cellsNc = (int) ((float) nc / (float) cellSize + 0.5);
        int hogNr = Math.max(cellsNr - 2, 0);
        int hogNc = Math.max(cellsNc - 2, 0);
        if (cellsNr == 0 || cellsNc == 0 || hogNr == 0 || hogNc == 0) {
            return new Planes(new float[FhogDetectorModel.PLANES][0], 0, 0);
        }
        int histCols = cellsNc + 2;
        float[] hist = new float[(cellsNr + 2) * histCols * 18];
        int visibleNr = (int) Math.min((long) cellsNr * cellSize, nr) - 1;
        int visibleNc = (int) Math.min((long) cellsNc * cellSize, nc) - 1;
        int stride = nc * 3;
        int red = img.bgr() ? 2 : 0;
        int blue = img.bgr() ? 0 : 2;

        // Bilinear column weights depend on the column only: computed once, as dlib computes them
        // in its 8-column blocks (simdX) and in its one-column tail.
        int simdEnd = 1;
        while (simdEnd < visibleNc - 7) {
            simdEnd += 8;
        }
        int[] colIndex = new int[Math.max(visibleNc, 1)];
        float[] colVx0 = new float[Math.max(visibleNc, 1)];
        float[] colVx1 = new float[Math.max(visibleNc, 1)];
        for (int x = 1; x < visibleNc; x++) {
            if (x < simdEnd) {
                float xp = ((float) x + 0.5f) / (float) cellSize + 0.5f;
                int ixp = (int) xp;
                colIndex[x] = ixp;
                colVx0[x] = xp - ixp;
                colVx1[x] = 1.0f - colVx0[x];
            } else {
                float xp = (float) (((double) x + 0.5) / (double) cellSize - 0.5);
                int ixp = (int) Math.floor(xp);
                colIndex[x] = ixp + 1;
                colVx0[x] = xp - ixp;
                colVx1[x] = (float) (1.0 - colVx0[x]);
            }
        }
        for (int y = 1; y < visibleNr; y++) {
            float yp = (float) (((float) y + 0.5) / (float) cellSize - 0.5);
            int iyp = (int) Math.floor(yp);
            float vy0 = yp - iyp;
            float vy1 = (float) (1.0 - vy0);
            int row = y * stride;
            int x = 1;
            for (; x < visibleNc - 7; x += 8) {
                for (int k = 0; k < 8; k++) {
                    // dlib's SIMD gradient: red vs green (green wins ties), then vs blue (blue wins ties).
                    int c = row + 3 * (x + k);
                    int rx = (px[c + 3 + red] & 0xFF) - (px[c - 3 + red] & 0xFF);
                    int ry = (px[c + stride + red] & 0xFF) - (px[c - stride + red] & 0xFF);
                    int gx = (px[c + 4] & 0xFF) - (px[c - 2] & 0xFF);
                    int gy = (px[c + stride + 1] & 0xFF) - (px[c - stride + 1] & 0xFF);
                    int bx = (px[c + 3 + blue] & 0xFF) - (px[c - 3 + blue] & 0xFF);
                    int by = (px[c + stride + blue] & 0xFF) - (px[c - stride + blue] & 0xFF);
                    int rlen = rx * rx + ry * ry;
                    int glen = gx * gx + gy * gy;
                    int blen = bx * bx + by * by;
                    int tx = rlen > glen ? rx : gx;
                    int ty = rlen > glen ? ry : gy;
                    int tlen = Math.max(rlen, glen);
                    boolean keep = tlen > blen;
                    int len = keep ? tlen : blen;
                    int bestO = ORIENTATION[((keep ? ty : by) + 255) * 511 + (keep ? tx : bx) + 255];
                    float v = SQRT[len];
                    float vx1 = colVx1[x + k] * v;
                    float vx0 = colVx0[x + k] * v;
                    int base = ((iyp + 1) * histCols + colIndex[x + k]) * 18 + bestO;
                    hist[base] += vy1 * vx1;
                    hist[base + histCols * 18] += vy0 * vx1;
                    hist[base + 18] += vy1 * vx0;
                    hist[base + histCols * 18 + 18] += vy0 * vx0;
                }
            }
            for (; x < visibleNc; x++) {
                int c = row + 3 * x;
                int bestLen = -1;
                int gx = 0;
                int gy = 0;
                // dlib's scalar path: red, then green or blue only when strictly stronger.
                for (int ch : img.bgr() ? BGR_TO_RGB : RGB) {
                    int dx = (px[c + 3 + ch] & 0xFF) - (px[c - 3 + ch] & 0xFF);
                    int dy = (px[c + stride + ch] & 0xFF) - (px[c - stride + ch] & 0xFF);
                    int len = dx * dx + dy * dy;
                    if (bestLen < 0 || len > bestLen) {
                        bestLen = len;
                        gx = dx;
                        gy = dy;
                    }
                }
                int bestO = ORIENTATION[(gy + 255) * 511 + gx + 255];
                float v = SQRT[bestLen];
                float vx0 = colVx0[x];
                float vx1 = colVx1[x];
                int base = ((iyp + 1) * histCols + colIndex[x]) * 18 + bestO;
                hist[base] += vy1 * vx1 * v;
                hist[base + histCols * 18] += vy0 * vx1 * v;
                hist[base + 18] += vy1 * vx0 * v;
                hist[base + histCols * 18 + 18] += vy0 * vx0 * v;
            }
        }

        float[] norm = new float[cellsNr * cellsNc];
        for (int r = 0; r < cellsNr; r++) {
            for (int c = 0; c < cellsNc; c++) {
                int h = ((r + 1) * histCols + c + 1) * 18;
                float n = 0;
                for (int o = 0; o < 9; o++) {
                    float s = hist[h + o] + hist[h + o + 9];
                    n += s * s;
                }
                norm[r * cellsNc + c] = n;
            }
        }

        int outRows = hogNr + filterRows - 1;
        int outCols = hogNc + filterCols - 1;
        int rowOffset = (filterRows - 1) / 2;
        int colOffset = (filterCols - 1) / 2;
        float[][] planes = new float[FhogDetectorModel.PLANES][outRows * outCols];
        float[] nn = new float[4];
        float[] n = new float[4];
        float[] t = new float[4];
        float[] h0 = new float[4];
        float[] h1 = new float[4];
        float[] h2 = new float[4];
        for (int y = 0; y < hogNr; y++) {
            for (int x = 0; x < hogNc; x++) {
                float a = norm[(y + 1) * cellsNc + x + 1];
                float b = norm[y * cellsNc + x + 1];
                float c = norm[(y + 1) * cellsNc + x];
                float d = norm[y * cellsNc + x];
                float e = norm[(y + 1) * cellsNc + x + 2];
                float f = norm[y * cellsNc + x + 2];
                float g = norm[(y + 2) * cellsNc + x + 1];
                float h = norm[(y + 2) * cellsNc + x];
                float i = norm[(y + 2) * cellsNc + x + 2];
                // lanes: z1 + z2 + z3 + z4 + eps, as dlib's simd4f sums them
                lane(nn, 0, a, e, g, i);
                lane(nn, 1, b, f, a, e);
                lane(nn, 2, c, a, h, g);
                lane(nn, 3, d, b, c, a);
                for (int k = 0; k < 4; k++) {
                    nn[k] = 0.2f * (float) Math.sqrt(nn[k]);
                    n[k] = 0.1f / nn[k];
                    t[k] = 0;
                }
                int cell = ((y + 2) * histCols + x + 2) * 18;
                int out = (y + rowOffset) * outCols + x + colOffset;
                for (int o = 0; o < 18; o += 3) {
                    planes[o][out] = clippedSum(hist[cell + o], nn, n, h0);
                    planes[o + 1][out] = clippedSum(hist[cell + o + 1], nn, n, h1);
                    planes[o + 2][out] = clippedSum(hist[cell + o + 2], nn, n, h2);
                    for (int k = 0; k < 4; k++) {
                        t[k] += h0[k] + h1[k] + h2[k];
                    }
                }
                for (int k = 0; k < 4; k++) {
                    t[k] *= 0.4714f;
                }
                for (int o = 0; o < 9; o++) {
                    planes[18 + o][out] = clippedSum(hist[cell + o] + hist[cell + o + 9], nn, n, h0);
                }
                planes[27][out] = t[0];
                planes[28][out] = t[1];
                planes[29][out] = t[2];
                planes[30][out] = t[3];
            }
        }
        return new Planes(planes, outRows, outCols);
    }

    private static void lane(float[] nn, int k, float z1, float z2, float z3, float z4) {
        nn[k] = z1 + z2 + z3 + z4 + EPS;
    }

    /** min(v, nn)·n per lane, then dlib's SSE2 horizontal sum (l0 + l2) + (l1 + l3); lanes left in {@code out}. */
    private static float clippedSum(float v, float[] nn, float[] n, float[] out) {
        for (int k = 0; k < 4; k++) {
            out[k] = Math.min(v, nn[k]) * n[k];
        }
        return (out[0] + out[2]) + (out[1] + out[3]);
    }

    private static float[] sqrtTable() {
        float[] table = new float[2 * 255 * 255 + 1];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) Math.sqrt((float) i);
        }
        return table;
    }

    private static byte[] orientationTable() {
        byte[] table = new byte[511 * 511];
        for (int gy = -255; gy <= 255; gy++) {
            for (int gx = -255; gx <= 255; gx++) {
                table[(gy + 255) * 511 + gx + 255] = (byte) orientation(gx, gy);
            }
        }
        return table;
    }

    /** Snaps a gradient to one of 18 signed orientations (9 directions and their opposites). */
    private static int orientation(float gx, float gy) {
        float bestDot = 0;
        int bestO = 0;
        for (int o = 0; o < 9; o++) {
            float dot = gx * DIR_X[o] + gy * DIR_Y[o];
            if (dot > bestDot) {
                bestDot = dot;
                bestO = o;
            } else if (-dot > bestDot) {
                bestDot = -dot;
                bestO = o + 9;
            }
        }
        return bestO;
    }

}
