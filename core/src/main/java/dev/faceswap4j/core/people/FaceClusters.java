package dev.faceswap4j.core.people;

import dev.faceswap4j.core.face.Descriptors;
import dev.faceswap4j.core.face.FaceRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups faces by person: each face track starts as one group (the tracker already linked those
 * faces), then the two groups nearest on average over their pairs of faces are merged while that
 * distance is below the same-person distance (average linkage: a few blurred faces near a group's
 * mean do not pull a stranger in, as they did with centroids; deterministic, unlike dlib's Chinese
 * whispers).
 */
public final class FaceClusters {

    private FaceClusters() {}

    private static final class Group {
        final List<FaceRecord> faces = new ArrayList<>();

        void add(FaceRecord face) {
            faces.add(face);
        }
    }

    /** The mean distance over every pair of faces, one from each group. */
    private static double averageDistance(Group a, Group b) {
        double sum = 0;
        for (FaceRecord x : a.faces) {
            for (FaceRecord y : b.faces) {
                sum += Descriptors.distance(x.descriptor(), y.descriptor());
            }
        }
        return sum / (a.faces.size() * b.faces.size());
    }

    /** The people among {@code faces} (those with a descriptor), most faces first. */
    public static List<List<FaceRecord>> of(List<FaceRecord> faces, double samePerson) {
        Map<Integer, Group> byTrack = new LinkedHashMap<>();
        for (FaceRecord face : faces) {
            if (face.descriptor() != null) {
                byTrack.computeIfAbsent(face.track(), t -> new Group()).add(face);
            }
        }
        List<Group> groups = new ArrayList<>(byTrack.values());
        while (groups.size() > 1) {
            int bestI = -1;
            int bestJ = -1;
            double best = samePerson;
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    double d = averageDistance(groups.get(i), groups.get(j));
                    if (d < best) {
                        best = d;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI < 0) {
                break;
            }
            Group merged = groups.get(bestI);
            groups.remove(bestJ).faces.forEach(merged::add);
        }
        return groups.stream().map(g -> List.copyOf(g.faces)).sorted(Comparator.comparingInt((List<FaceRecord> g) -> g.size()).reversed())
                .toList();
    }
}
