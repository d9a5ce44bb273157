package dev.faceswap4j.detector.hog;

import java.util.List;

/**
 * Correlates the 31 FHOG planes with each filter and sums the planes: saliency(r, c) =
 * Σ_plane Σ_m Σ_n feat[r - h/2 + m][c - w/2 + n] · filter[m][n], defined where the filter fits
 * (elsewhere 0). Separable filters (a row pass, then a column pass per term) when dlib would use
 * them, the full 2-D filters otherwise.
 *
 * <p>Written for the JIT's vectoriser, which (in Java 17) only vectorises a loop whose loads and
 * store use the same index: each plane row is copied once per horizontal tap, shifted, and every
 * inner loop is {@code dst[c] += src[c] · w}. The copies are shared by all filters.
 */
final class FhogCorrelation {

    private FhogCorrelation() {}

    /** One saliency image per filter, as rows. */
    static float[][][] saliency(Fhog.Planes feats, List<FhogFilter> filters) {
        int rows = feats.rows();
        int cols = feats.cols();
        float[][][] out = new float[filters.size()][rows][cols];
        if (filters.isEmpty()) {
            return out;
        }
        int filterWidth = filters.get(0).width;
        int filterHeight = filters.get(0).height;
        int firstRow = filterHeight / 2;
        int firstCol = filterWidth / 2;
        int lastRow = rows - (filterHeight - 1) / 2;
        int lastCol = cols - (filterWidth - 1) / 2;
        if (lastRow <= firstRow || lastCol <= firstCol) {
            return out;
        }
        int width = lastCol - firstCol;
        // shifted[n][r][c] = plane[r][c + n]: output column firstCol + c reads input column c + n.
        float[][][] shifted = new float[filterWidth][rows][width];
        float[][] scratch = new float[rows][cols];
        float[] line = new float[cols];
        float[] acc = new float[width];
        for (int p = 0; p < FhogDetectorModel.PLANES; p++) {
            float[] plane = feats.planes()[p];
            for (int n = 0; n < filterWidth; n++) {
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(plane, r * cols + n, shifted[n][r], 0, width);
                }
            }
            for (int f = 0; f < filters.size(); f++) {
                FhogFilter filter = filters.get(f);
                float[][] saliency = out[f];
                if (filter.useSeparable) {
                    List<float[]> rowTerms = filter.rowFilters.get(p);
                    List<float[]> colTerms = filter.colFilters.get(p);
                    for (int term = 0; term < rowTerms.size(); term++) {
                        float[] rowFilter = rowTerms.get(term);
                        float[] colFilter = colTerms.get(term);
                        for (int r = 0; r < rows; r++) {
                            java.util.Arrays.fill(acc, 0f);
                            for (int n = 0; n < filterWidth; n++) {
                                scaleAdd(acc, shifted[n][r], rowFilter[n], width);
                            }
                            System.arraycopy(acc, 0, scratch[r], firstCol, width);
                        }
                        for (int r = firstRow; r < lastRow; r++) {
                            java.util.Arrays.fill(line, 0f);
                            for (int m = 0; m < colFilter.length; m++) {
                                scaleAdd(line, scratch[r - firstRow + m], colFilter[m], cols);
                            }
                            scaleAdd(saliency[r], line, 1f, cols);
                        }
                    }
                } else {
                    for (int r = firstRow; r < lastRow; r++) {
                        java.util.Arrays.fill(acc, 0f);
                        for (int m = 0; m < filterHeight; m++) {
                            float[] taps = filter.rows[p][m];
                            for (int n = 0; n < filterWidth; n++) {
                                scaleAdd(acc, shifted[n][r - firstRow + m], taps[n], width);
                            }
                        }
                        float[] o = saliency[r];
                        for (int c = 0; c < width; c++) {
                            o[firstCol + c] += acc[c];
                        }
                    }
                }
            }
        }
        return out;
    }

    /** dst[c] += src[c] · w for c in [0, length): same index on both sides, so it vectorises. */
    private static void scaleAdd(float[] dst, float[] src, float w, int length) {
        for (int c = 0; c < length; c++) {
            dst[c] += src[c] * w;
        }
    }
}
