package dev.faceswap4j.detector.hog;

/**
 * Correlates the 31 FHOG planes with a filter and sums the planes: saliency(r, c) =
 * Σ_plane Σ_m Σ_n feat[r - h/2 + m][c - w/2 + n] · filter[m][n], defined where the filter fits
 * (elsewhere 0). Separable filters (a row pass, then a column pass per term) when dlib would use
 * them, the full 2-D filters otherwise.
 */
final class FhogCorrelation {

    private FhogCorrelation() {}

    static float[][] saliency(Fhog.Planes feats, FhogFilter filter) {
        int rows = feats.rows();
        int cols = feats.cols();
        float[][] out = new float[rows][cols];
        int firstRow = filter.height / 2;
        int firstCol = filter.width / 2;
        int lastRow = rows - (filter.height - 1) / 2;
        int lastCol = cols - (filter.width - 1) / 2;
        if (lastRow <= firstRow || lastCol <= firstCol) {
            return out;
        }
        int width = lastCol - firstCol;
        float[] acc = new float[width];
        float[] line = new float[cols];
        if (filter.useSeparable) {
            // Rows of the row-filtered planes are arrays of their own: the column pass then reads and
            // writes at the same index, a loop shape the JIT vectorises.
            float[][] scratch = new float[rows][cols];
            for (int p = 0; p < FhogDetectorModel.PLANES; p++) {
                float[] in = feats.planes()[p];
                for (int term = 0; term < filter.rowFilters.get(p).size(); term++) {
                    float[] rowFilter = filter.rowFilters.get(p).get(term);
                    float[] colFilter = filter.colFilters.get(p).get(term);
                    for (int r = 0; r < rows; r++) {
                        java.util.Arrays.fill(acc, 0f);
                        accumulate(acc, in, r * cols, 1, rowFilter, width);
                        System.arraycopy(acc, 0, scratch[r], firstCol, width);
                    }
                    for (int r = firstRow; r < lastRow; r++) {
                        java.util.Arrays.fill(line, 0f);
                        for (int m = 0; m < colFilter.length; m++) {
                            scaleAdd(line, scratch[r - firstRow + m], colFilter[m]);
                        }
                        scaleAdd(out[r], line, 1f);
                    }
                }
            }
        } else {
            for (int p = 0; p < FhogDetectorModel.PLANES; p++) {
                float[] in = feats.planes()[p];
                for (int r = firstRow; r < lastRow; r++) {
                    java.util.Arrays.fill(acc, 0f);
                    for (int m = 0; m < filter.height; m++) {
                        accumulate(acc, in, (r - firstRow + m) * cols, 1, filter.rows[p][m], width);
                    }
                    float[] o = out[r];
                    for (int c = 0; c < width; c++) {
                        o[firstCol + c] += acc[c];
                    }
                }
            }
        }
        return out;
    }

    /** dst[c] += src[c] · w over the whole row (same index on both sides, so it vectorises). */
    private static void scaleAdd(float[] dst, float[] src, float w) {
        for (int c = 0; c < dst.length; c++) {
            dst[c] += src[c] * w;
        }
    }

    /**
     * acc[c] += Σ_k src[start + k·step + c] · taps[k] for c in [0, width): taps five at a time, the
     * column loop innermost, so there are few loads and stores per multiply.
     */
    private static void accumulate(float[] acc, float[] src, int start, int step, float[] taps, int width) {
        int k = 0;
        for (; k + 5 <= taps.length; k += 5) {
            float w0 = taps[k];
            float w1 = taps[k + 1];
            float w2 = taps[k + 2];
            float w3 = taps[k + 3];
            float w4 = taps[k + 4];
            int s0 = start + k * step;
            int s1 = s0 + step;
            int s2 = s1 + step;
            int s3 = s2 + step;
            int s4 = s3 + step;
            for (int c = 0; c < width; c++) {
                acc[c] += src[s0 + c] * w0 + src[s1 + c] * w1 + src[s2 + c] * w2 + src[s3 + c] * w3 + src[s4 + c] * w4;
            }
        }
        for (; k < taps.length; k++) {
            float w = taps[k];
            int s0 = start + k * step;
            for (int c = 0; c < width; c++) {
                acc[c] += src[s0 + c] * w;
            }
        }
    }
}
