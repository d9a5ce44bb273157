package dev.faceswap4j.core.evaluate;

import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.core.face.Descriptors;
import dev.faceswap4j.core.face.FaceChips;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People known by name (A, B, others), each as the mean recognition descriptor of faces from an
 * {@code extract} folder, and the gallery's people, one face each; a face is retrieved as the person whose mean is
 * nearest, as the face-swap papers' "ID retrieval", and ranked among them all.
 */
final class Identities {

    private final FaceEmbedder embedder;
    private final Map<String, float[]> means = new LinkedHashMap<>();

    Identities(FaceEmbedder embedder) {
        this.embedder = embedder;
    }

    /** Adds {@code name} as the mean descriptor of up to {@code limit} faces of {@code folder}, spread over it. */
    void add(String name, Path folder, int limit) {
        means.put(name, Descriptors.mean(embed(FaceChips.ofFaceFolder(folder, limit, embedder.chipSize(), "faces of " + name))));
    }

    /** Adds each face of a gallery photo as a person of its own, {@code NAME#k}; how many faces it had. */
    int addPhoto(String name, Image photo, List<Landmarks> faces) {
        List<Image> chips = faces.stream().map(face -> FaceChips.ofFrame(photo, face, embedder.chipSize())).toList();
        List<float[]> descriptors = embed(chips);
        for (int k = 0; k < descriptors.size(); k++) {
            means.put(name + "#" + (k + 1), descriptors.get(k));
        }
        return descriptors.size();
    }

    List<String> names() {
        return List.copyOf(means.keySet());
    }

    float[] mean(String name) {
        return means.get(name);
    }

    List<float[]> embed(List<Image> chips) {
        return FaceChips.embed(embedder, chips);
    }

    /** Where {@code name} stands among everyone by distance to {@code descriptor}: 1 when nearest. */
    int rank(float[] descriptor, String name) {
        double own = Descriptors.distance(descriptor, means.get(name));
        return 1 + (int) means.entrySet().stream()
                .filter(e -> !e.getKey().equals(name) && Descriptors.distance(descriptor, e.getValue()) < own).count();
    }

    /** The distance to the nearest person other than {@code name} minus the distance to {@code name}: above 0 when {@code name} is nearest. */
    double margin(float[] descriptor, String name) {
        double own = Descriptors.distance(descriptor, means.get(name));
        return means.entrySet().stream().filter(e -> !e.getKey().equals(name))
                .mapToDouble(e -> Descriptors.distance(descriptor, e.getValue())).min().orElse(Double.NaN) - own;
    }

    /** The name whose mean is nearest to {@code descriptor}. */
    String nearest(float[] descriptor) {
        String best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, float[]> entry : means.entrySet()) {
            double d = Descriptors.distance(descriptor, entry.getValue());
            if (d < bestDistance) {
                bestDistance = d;
                best = entry.getKey();
            }
        }
        return best;
    }
}
