package dev.faceswap4j.api;

/** An axis-aligned box in pixel coordinates of the image it was found in. */
public record Rect(double x, double y, double width, double height) {

    public Rect {
        if (!(width >= 0 && height >= 0)) {
            throw new IllegalArgumentException("rect size must be non-negative: " + width + "x" + height);
        }
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public Point2 center() {
        return new Point2(x + width / 2, y + height / 2);
    }

    /** Whether (x, y) lies inside or on the edge of the box. */
    public boolean contains(double px, double py) {
        return px >= x && px <= right() && py >= y && py <= bottom();
    }

    public double area() {
        return width * height;
    }

    /** Intersection over union; 0 when the boxes do not overlap. */
    public double iou(Rect other) {
        double iw = Math.min(right(), other.right()) - Math.max(x, other.x);
        double ih = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        return inter / (area() + other.area() - inter);
    }
}
