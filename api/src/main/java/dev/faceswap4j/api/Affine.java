package dev.faceswap4j.api;

/**
 * A 2×3 affine transform {@code [a b tx; c d ty]}, mapping (x, y) to (a·x + b·y + tx, c·x + d·y + ty).
 * The same layout as OpenCV's {@code warpAffine} matrix, so it can be handed over unchanged.
 */
public record Affine(double a, double b, double tx, double c, double d, double ty) {

    public static final Affine IDENTITY = new Affine(1, 0, 0, 0, 1, 0);

    public Point2 apply(Point2 p) {
        return new Point2(a * p.x() + b * p.y() + tx, c * p.x() + d * p.y() + ty);
    }

    public double determinant() {
        return a * d - b * c;
    }

    public Affine inverse() {
        double det = determinant();
        if (det == 0 || !Double.isFinite(det)) {
            throw new ArithmeticException("affine transform is not invertible: " + this);
        }
        double ia = d / det;
        double ib = -b / det;
        double ic = -c / det;
        double id = a / det;
        return new Affine(ia, ib, -(ia * tx + ib * ty), ic, id, -(ic * tx + id * ty));
    }

    /** The transform that applies {@code this} first, then {@code next}. */
    public Affine then(Affine next) {
        return new Affine(
                next.a * a + next.b * c, next.a * b + next.b * d, next.a * tx + next.b * ty + next.tx,
                next.c * a + next.d * c, next.c * b + next.d * d, next.c * tx + next.d * ty + next.ty);
    }

    /** Row-major {@code {a, b, tx, c, d, ty}}. */
    public double[] toArray() {
        return new double[] {a, b, tx, c, d, ty};
    }
}
