package dev.faceswap4j.core.evaluate;

import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.face.Descriptors;
import dev.faceswap4j.core.face.FaceChips;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People known by name (A, B, others), each as the mean recognition descriptor of faces from an
 * {@code extract} folder; a face is retrieved as the person whose mean is nearest, as the face-swap
 * papers' "ID retrieval".
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

    List<String> names() {
        return List.copyOf(means.keySet());
    }

    float[] mean(String name) {
        return means.get(name);
    }

    List<float[]> embed(List<Image> chips) {
        return FaceChips.embed(embedder, chips);
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
