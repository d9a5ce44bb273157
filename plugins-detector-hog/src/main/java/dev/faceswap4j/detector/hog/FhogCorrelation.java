package dev.faceswap4j.detector.hog;

/**
 * Correlates the 31 FHOG planes with a filter and sums the planes: saliency(r, c) =
 * Σ_plane Σ_m Σ_n feat[r - h/2 + m][c - w/2 + n] · filter[m][n], defined where the filter fits
 * (elsewhere 0). Separable filters (a row pass, then a column pass per term) when dlib would use
 * them, the full 2-D filters otherwise.
 */
final class FhogCorrelation {

    private FhogCorrelation() {}

    static float[] saliency(Fhog.Planes feats, FhogFilter filter) {
        int rows = feats.rows();
        int cols = feats.cols();
        float[] out = new float[rows * cols];
        int firstRow = filter.height / 2;
        int firstCol = filter.width / 2;
        int lastRow = rows - (filter.height - 1) / 2;
        int lastCol = cols - (filter.width - 1) / 2;
        if (lastRow <= firstRow || lastCol <= firstCol) {
            return out;
        }
        int width = lastCol - firstCol;
        if (filter.useSeparable) {
            float[] scratch = new float[rows * cols];
            float[] acc = new float[width];
            for (int p = 0; p < FhogDetectorModel.PLANES; p++) {
                float[] in = feats.planes()[p];
                for (int term = 0; term < filter.rowFilters.get(p).size(); term++) {
                    float[] rowFilter = filter.rowFilters.get(p).get(term);
                    float[] colFilter = filter.colFilters.get(p).get(term);
                    // Loops run along a row (tap outside, column inside) so the JIT vectorises them;
                    // each output still sums its taps in order.
                    for (int r = 0; r < rows; r++) {
                        int base = r * cols;
                        java.util.Arrays.fill(acc, 0f);
                        for (int n = 0; n < rowFilter.length; n++) {
                            float w = rowFilter[n];
                            int src = base + n;
                            for (int c = 0; c < width; c++) {
                                acc[c] += in[src + c] * w;
                            }
                        }
                        System.arraycopy(acc, 0, scratch, base + firstCol, width);
                    }
                    for (int r = firstRow; r < lastRow; r++) {
                        java.util.Arrays.fill(acc, 0f);
                        for (int m = 0; m < colFilter.length; m++) {
                            float w = colFilter[m];
                            int src = (r - firstRow + m) * cols + firstCol;
                            for (int c = 0; c < width; c++) {
                                acc[c] += scratch[src + c] * w;
                            }
                        }
                        int dst = r * cols + firstCol;
                        for (int c = 0; c < width; c++) {
                            out[dst + c] += acc[c];
                        }
                    }
                }
            }
        } else {
            float[] acc = new float[width];
            for (int p = 0; p < FhogDetectorModel.PLANES; p++) {
                float[] in = feats.planes()[p];
                float[] f = filter.planes[p];
                for (int r = firstRow; r < lastRow; r++) {
                    java.util.Arrays.fill(acc, 0f);
                    for (int m = 0; m < filter.height; m++) {
                        int src = (r - firstRow + m) * cols;
                        for (int n = 0; n < filter.width; n++) {
                            float w = f[m * filter.width + n];
                            int s0 = src + n;
                            for (int c = 0; c < width; c++) {
                                acc[c] += in[s0 + c] * w;
                            }
                        }
                    }
                    int dst = r * cols + firstCol;
                    for (int c = 0; c < width; c++) {
                        out[dst + c] += acc[c];
                    }
                }
            }
        }
        return out;
    }
}
