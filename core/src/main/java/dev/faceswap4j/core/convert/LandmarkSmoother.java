package dev.faceswap4j.core.convert;

import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Smooths landmarks across frames against jitter, per face track (so two people keep separate
 * histories): a face whose track was seen in the previous frame blends its points
 * {@code smooth · previous + (1 − smooth) · current}; a new or returning face starts afresh.
 */
final class LandmarkSmoother {

    private final double smooth;
    private Map<Integer, Landmarks> previous = Map.of();

    LandmarkSmoother(double smooth) {
        this.smooth = smooth;
    }

    /** The smoothed landmarks of one frame's faces, in the order given; {@code tracks} holds each face's track id. */
    List<Landmarks> next(int[] tracks, List<Landmarks> faces) {
        Map<Integer, Landmarks> current = new HashMap<>();
        List<Landmarks> smoothed = new ArrayList<>(faces.size());
        for (int k = 0; k < faces.size(); k++) {
            Landmarks before = previous.get(tracks[k]);
            Landmarks result = before != null && smooth > 0 ? blend(before, faces.get(k)) : faces.get(k);
            smoothed.add(result);
            current.put(tracks[k], result);
        }
        previous = current;
        return smoothed;
    }

    private Landmarks blend(Landmarks before, Landmarks now) {
        List<Point2> points = new ArrayList<>(now.size());
        for (int i = 0; i < now.size(); i++) {
            points.add(new Point2(smooth * before.get(i).x() + (1 - smooth) * now.get(i).x(),
                    smooth * before.get(i).y() + (1 - smooth) * now.get(i).y()));
        }
        return new Landmarks(points);
    }
}
