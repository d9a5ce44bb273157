package dev.faceswap4j.core.convert;

import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import java.util.ArrayList;
import java.util.List;

/**
 * Smooths landmarks across frames against jitter: each face is matched to the nearest face of the
 * previous frame (by landmark centre, within half its size), so two people keep separate
 * histories; a match blends its points {@code smooth · previous + (1 − smooth) · current}.
 */
final class FaceTracker {

    private record Track(double x, double y, Landmarks points) {}

    private final double smooth;
    private List<Track> tracks = List.of();
    private int[] matches = new int[0];

    FaceTracker(double smooth) {
        this.smooth = smooth;
    }

    /** The smoothed landmarks of one frame's faces, in the same order. */
    List<Landmarks> next(List<Landmarks> faces) {
        List<Track> current = new ArrayList<>(faces.size());
        boolean[] taken = new boolean[tracks.size()];
        List<Landmarks> smoothed = new ArrayList<>(faces.size());
        matches = new int[faces.size()];
        for (Landmarks face : faces) {
            double[] centre = centre(face);
            double reach = 0.5 * size(face);
            int best = -1;
            double bestDistance = reach;
            for (int t = 0; t < tracks.size(); t++) {
                double distance = Math.hypot(tracks.get(t).x() - centre[0], tracks.get(t).y() - centre[1]);
                if (!taken[t] && distance < bestDistance) {
                    best = t;
                    bestDistance = distance;
                }
            }
            Landmarks result = face;
            if (best >= 0) {
                taken[best] = true;
                if (smooth > 0) {
                    result = blend(tracks.get(best).points(), face);
                }
            }
            matches[smoothed.size()] = best;
            smoothed.add(result);
            current.add(new Track(centre[0], centre[1], result));
        }
        tracks = current;
        return smoothed;
    }

    /** For each face of the last {@link #next} call, the index of the previous frame's face it continues, or -1 for a new face. */
    int[] matches() {
        return matches.clone();
    }

    private Landmarks blend(Landmarks previous, Landmarks now) {
        List<Point2> points = new ArrayList<>(now.size());
        for (int i = 0; i < now.size(); i++) {
            points.add(new Point2(smooth * previous.get(i).x() + (1 - smooth) * now.get(i).x(),
                    smooth * previous.get(i).y() + (1 - smooth) * now.get(i).y()));
        }
        return new Landmarks(points);
    }

    private static double[] centre(Landmarks face) {
        double x = 0;
        double y = 0;
        for (Point2 p : face.points()) {
            x += p.x();
            y += p.y();
        }
        return new double[] {x / face.size(), y / face.size()};
    }

    private static double size(Landmarks face) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (Point2 p : face.points()) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
        }
        return maxX - minX;
    }
}
