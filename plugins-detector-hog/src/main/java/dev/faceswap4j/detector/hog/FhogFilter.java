package dev.faceswap4j.detector.hog;

import java.util.ArrayList;
import java.util.List;

/**
 * One linear FHOG filter: 31 planes of {@code height × width} weights and a threshold, plus the
 * separable (rank-k) form dlib builds from each plane's SVD, keeping singular values of at least
 * max(1e-4, 0.001·σmax). Which form runs follows dlib's rule: the separable one unless it has more
 * terms than a third of the full filters' rows.
 */
final class FhogFilter {

    final int width;
    final int height;
    /** Full filters, per plane and filter row. */
    final float[][][] rows;
    /** Per plane, the separable terms: row (length width) and column (length height) vectors. */
    final List<List<float[]>> rowFilters;
    final List<List<float[]>> colFilters;
    final double threshold;
    final boolean useSeparable;

    private FhogFilter(int width, int height, float[][] planes, List<List<float[]>> rowFilters, List<List<float[]>> colFilters,
            double threshold) {
        this.width = width;
        this.height = height;
        this.rows = new float[planes.length][height][];
        for (int p = 0; p < planes.length; p++) {
            for (int r = 0; r < height; r++) {
                this.rows[p][r] = java.util.Arrays.copyOfRange(planes[p], r * width, (r + 1) * width);
            }
        }
        this.rowFilters = rowFilters;
        this.colFilters = colFilters;
        this.threshold = threshold;
        int separableTerms = rowFilters.stream().mapToInt(List::size).sum();
        this.useSeparable = !(separableTerms > planes.length * Math.min(height, width) / 3.0);
    }

    static FhogFilter fromWeights(double[] w, int width, int height) {
        int size = width * height;
        float[][] planes = new float[FhogDetectorModel.PLANES][];
        List<List<float[]>> rows = new ArrayList<>();
        List<List<float[]>> cols = new ArrayList<>();
        for (int p = 0; p < FhogDetectorModel.PLANES; p++) {
            double[][] f = new double[height][width];
            planes[p] = new float[size];
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    f[r][c] = w[p * size + r * width + c];
                    planes[p][r * width + c] = (float) f[r][c];
                }
            }
            Svd svd = Svd.of(f);
            double max = 0;
            for (double s : svd.values()) {
                max = Math.max(max, s);
            }
            double keep = Math.max(1e-4, max * 0.001);
            List<float[]> rowTerms = new ArrayList<>();
            List<float[]> colTerms = new ArrayList<>();
            for (int j : svd.descendingOrder()) {
                double s = svd.values()[j];
                if (s >= keep) {
                    double root = Math.sqrt(s);
                    float[] col = new float[height];
                    float[] row = new float[width];
                    for (int r = 0; r < height; r++) {
                        col[r] = (float) (svd.u()[r][j] * root);
                    }
                    for (int c = 0; c < width; c++) {
                        row[c] = (float) (svd.v()[c][j] * root);
                    }
                    colTerms.add(col);
                    rowTerms.add(row);
                }
            }
            rows.add(rowTerms);
            cols.add(colTerms);
        }
        return new FhogFilter(width, height, planes, rows, cols, w[w.length - 1]);
    }
}
