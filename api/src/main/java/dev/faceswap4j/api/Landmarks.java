package dev.faceswap4j.api;

import java.util.List;
import java.util.Objects;

/** Facial landmarks in dlib's 68-point order (jaw 0-16, brows 17-26, nose 27-35, eyes 36-47, mouth 48-67). */
public record Landmarks(List<Point2> points) {

    public static final int DLIB_68 = 68;

    public Landmarks {
        points = List.copyOf(Objects.requireNonNull(points, "points is null"));
    }

    public Point2 get(int index) {
        return points.get(index);
    }

    public int size() {
        return points.size();
    }

    /** Mean distance between corresponding points; both sets must have the same size. */
    public double meanDistanceTo(Landmarks other) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("landmark counts differ: " + size() + " vs " + other.size());
        }
        double sum = 0;
        for (int i = 0; i < size(); i++) {
            sum += get(i).distanceTo(other.get(i));
        }
        return size() == 0 ? 0 : sum / size();
    }
}
