package dev.faceswap4j.core.people;

import dev.faceswap4j.core.compare.Descriptors;
import dev.faceswap4j.core.extract.FaceRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups faces by person: each face track starts as one group (the tracker already linked those
 * faces), then the two groups whose mean descriptors are nearest are merged while that distance is
 * below the same-person distance (centroid linkage; deterministic, unlike dlib's Chinese whispers).
 */
public final class FaceClusters {

    private FaceClusters() {}

    private static final class Group {
        final List<FaceRecord> faces = new ArrayList<>();
        float[] sum;

        void add(FaceRecord face) {
            faces.add(face);
            float[] d = face.descriptor();
            if (sum == null) {
                sum = new float[d.length];
            }
            for (int i = 0; i < d.length; i++) {
                sum[i] += d[i];
            }
        }

        float[] mean() {
            float[] mean = sum.clone();
            for (int i = 0; i < mean.length; i++) {
                mean[i] /= faces.size();
            }
            return mean;
        }
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
        List<float[]> means = new ArrayList<>(groups.stream().map(Group::mean).toList());
        while (groups.size() > 1) {
            int bestI = -1;
            int bestJ = -1;
            double best = samePerson;
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    double d = Descriptors.distance(means.get(i), means.get(j));
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
            means.remove(bestJ);
            means.set(bestI, merged.mean());
        }
        return groups.stream().map(g -> List.copyOf(g.faces)).sorted(Comparator.comparingInt((List<FaceRecord> g) -> g.size()).reversed())
                .toList();
    }
}
