package dev.faceswap4j.core.people;

import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.core.face.Descriptors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the reference person's faces from everyone else's by descriptor distance: a face is kept when
 * it is within {@code threshold} of the reference person and nearer to them than to any excluded
 * person; with excluded people only, when it is farther than {@code threshold} from each of them.
 */
public final class PersonFilter {

    /** One face's decision and its distance to the reference person (NaN without one). */
    public record Verdict(boolean keep, double distance) {}

    private final float[] reference;
    private final List<float[]> excluded;
    private final double threshold;

    PersonFilter(float[] reference, List<float[]> excluded, double threshold) {
        this.reference = reference;
        this.excluded = List.copyOf(excluded);
        this.threshold = threshold;
    }

    /** Loads the reference and excluded people of {@code people}; the threshold is theirs or, on auto, the embedder's. */
    public static PersonFilter load(People people, FaceDetector detector, LandmarkPredictor landmarks, FaceEmbedder embedder) {
        ReferenceFaces faces = new ReferenceFaces(detector, landmarks, embedder);
        float[] reference = people.reference().isEmpty() ? null : faces.person(people.reference());
        List<float[]> excluded = new ArrayList<>();
        for (Path path : people.exclude()) {
            excluded.add(faces.person(List.of(path)));
        }
        return new PersonFilter(reference, excluded, threshold(people, embedder));
    }

    /** The distance used: the configured one, or on auto the embedder's same-person figure. */
    public static double threshold(People people, FaceEmbedder embedder) {
        return Double.isNaN(people.distance()) ? embedder.samePersonDistance() : people.distance();
    }

    public double threshold() {
        return threshold;
    }

    public Verdict judge(float[] descriptor) {
        double nearestExcluded = Double.POSITIVE_INFINITY;
        for (float[] other : excluded) {
            nearestExcluded = Math.min(nearestExcluded, Descriptors.distance(descriptor, other));
        }
        if (reference == null) {
            return new Verdict(nearestExcluded > threshold, Double.NaN);
        }
        double distance = Descriptors.distance(descriptor, reference);
        return new Verdict(distance <= threshold && distance < nearestExcluded, distance);
    }
}
