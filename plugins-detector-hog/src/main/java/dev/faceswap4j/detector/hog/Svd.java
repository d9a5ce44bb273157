package dev.faceswap4j.detector.hog;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Singular value decomposition of a small dense matrix A (m×n) by one-sided Jacobi rotations:
 * A = U·diag(s)·Vᵀ. Accurate to working precision, which is all the filter decomposition needs;
 * the matrices here are at most a few dozen on a side.
 */
record Svd(double[][] u, double[] values, double[][] v) {

    static Svd of(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        double[][] work = new double[m][];
        for (int i = 0; i < m; i++) {
            work[i] = a[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 60; sweep++) {
            double off = 0;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int i = 0; i < m; i++) {
                        alpha += work[i][p] * work[i][p];
                        beta += work[i][q] * work[i][q];
                        gamma += work[i][p] * work[i][q];
                    }
                    if (gamma == 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    off = Math.max(off, Math.abs(gamma) / Math.sqrt(alpha * beta));
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    for (int i = 0; i < m; i++) {
                        double x = work[i][p];
                        double y = work[i][q];
                        work[i][p] = c * x - s * y;
                        work[i][q] = s * x + c * y;
                    }
                    for (int i = 0; i < n; i++) {
                        double x = v[i][p];
                        double y = v[i][q];
                        v[i][p] = c * x - s * y;
                        v[i][q] = s * x + c * y;
                    }
                }
            }
            if (off < 1e-15) {
                break;
            }
        }
        double[] s = new double[n];
        double[][] u = new double[m][n];
        for (int j = 0; j < n; j++) {
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += work[i][j] * work[i][j];
            }
            norm = Math.sqrt(norm);
            s[j] = norm;
            for (int i = 0; i < m; i++) {
                u[i][j] = norm == 0 ? 0 : work[i][j] / norm;
            }
        }
        return new Svd(u, s, v);
    }

    /** Column indices by singular value, largest first. */
    int[] descendingOrder() {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> values[j]).reversed())
                .mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "Svd" + Arrays.toString(values);
    }
}
