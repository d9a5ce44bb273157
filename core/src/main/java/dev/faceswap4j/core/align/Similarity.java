package dev.faceswap4j.core.align;

import dev.faceswap4j.api.Affine;

/**
 * Least-squares similarity transform (rotation, uniform scale, translation; no reflection) between
 * two point sets — Umeyama, "Least-squares estimation of transformation parameters between two
 * point patterns", IEEE PAMI 1991, eqs. 34-43, the method of dlib's {@code find_similarity_transform}
 * and of the original deepfakes {@code umeyama}.
 *
 * <p>In 2-D the SVD of the 2×2 covariance has a closed form: the best rotation angle is
 * {@code atan2(C10 - C01, C00 + C11)} and trace(DS) is the length of that vector, which is what the
 * reflection-corrected SVD of the paper gives (d0 + sign(det C)·d1).
 */
public final class Similarity {

    private Similarity() {}

    /**
     * The transform mapping {@code from} onto {@code to}; both are interleaved {@code x0, y0, x1, y1, ...}
     * with the same number of points.
     */
    public static Affine estimate(double[] from, double[] to) {
        if (from.length != to.length || from.length < 4 || from.length % 2 != 0) {
            throw new IllegalArgumentException("need two equal sets of at least 2 points, got " + from.length / 2 + " and " + to.length / 2);
        }
        int n = from.length / 2;
        double mfx = 0, mfy = 0, mtx = 0, mty = 0;
        for (int i = 0; i < n; i++) {
            mfx += from[2 * i];
            mfy += from[2 * i + 1];
            mtx += to[2 * i];
            mty += to[2 * i + 1];
        }
        mfx /= n;
        mfy /= n;
        mtx /= n;
        mty /= n;
        double sigmaFrom = 0, c00 = 0, c01 = 0, c10 = 0, c11 = 0;
        for (int i = 0; i < n; i++) {
            double fx = from[2 * i] - mfx;
            double fy = from[2 * i + 1] - mfy;
            double tx = to[2 * i] - mtx;
            double ty = to[2 * i + 1] - mty;
            sigmaFrom += fx * fx + fy * fy;
            c00 += tx * fx;
            c01 += tx * fy;
            c10 += ty * fx;
            c11 += ty * fy;
        }
        sigmaFrom /= n;
        c00 /= n;
        c01 /= n;
        c10 /= n;
        c11 /= n;
        double sinPart = c10 - c01;
        double cosPart = c00 + c11;
        double norm = Math.hypot(cosPart, sinPart);
        double cos = norm == 0 ? 1 : cosPart / norm;
        double sin = norm == 0 ? 0 : sinPart / norm;
        double scale = sigmaFrom == 0 ? 1 : norm / sigmaFrom;
        double a = scale * cos;
        double b = -scale * sin;
        double c = scale * sin;
        double d = scale * cos;
        return new Affine(a, b, mtx - (a * mfx + b * mfy), c, d, mty - (c * mfx + d * mfy));
    }
}
