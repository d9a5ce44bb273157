package dev.faceswap4j.core.evaluate;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.core.align.FaceAligner;
import dev.faceswap4j.core.compare.Descriptors;
import dev.faceswap4j.core.extract.Alignments;
import dev.faceswap4j.core.extract.FaceRecord;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.OpenCvImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People known by name (A, B, others), each as the mean recognition descriptor of faces from an
 * {@code extract} folder; a face is retrieved as the person whose mean is nearest, as the face-swap
 * papers' "ID retrieval".
 */
final class Identities {

    private static final int BATCH = 16;

    private final FaceEmbedder embedder;
    private final Map<String, float[]> means = new LinkedHashMap<>();

    Identities(FaceEmbedder embedder) {
        this.embedder = embedder;
    }

    /** Adds {@code name} as the mean descriptor of up to {@code limit} faces of {@code folder}, spread over it. */
    void add(String name, Path folder, int limit) {
        Path file = folder.resolve(Alignments.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new FaceswapException("faces of " + name + ": " + folder + " has no " + Alignments.FILE_NAME + " (make it with faceswap4j extract)");
        }
        Alignments alignments = Alignments.read(file);
        List<FaceRecord> faces = alignments.frames().stream().flatMap(f -> f.faces().stream()).toList();
        if (faces.isEmpty()) {
            throw new FaceswapException("faces of " + name + ": " + folder + " holds no face");
        }
        List<Image> chips = new ArrayList<>();
        int count = Math.min(limit, faces.size());
        for (int k = 0; k < count; k++) {
            FaceRecord face = faces.get((int) ((long) k * faces.size() / count));
            Path crop = folder.resolve(face.crop());
            if (!Files.isRegularFile(crop)) {
                throw new FaceswapException("faces of " + name + ": " + crop + " is missing; run extract on " + folder + " again");
            }
            chips.add(chipOfCrop(Images.readBgr(crop), alignments.cropSize(), alignments.padding()));
        }
        means.put(name, Descriptors.mean(embed(chips)));
    }

    List<String> names() {
        return List.copyOf(means.keySet());
    }

    float[] mean(String name) {
        return means.get(name);
    }

    /** A dlib-style chip of the face with these landmarks in {@code frame}: the mean-face square at two thirds of the chip. */
    static Image chipOfFrame(Image frame, Landmarks landmarks, int size) {
        return FaceAligner.crop(frame, FaceAligner.cropTransform(landmarks, size, size / 6.0), size);
    }

    List<float[]> embed(List<Image> chips) {
        List<float[]> result = new ArrayList<>(chips.size());
        for (int start = 0; start < chips.size(); start += BATCH) {
            result.addAll(embedder.embed(chips.subList(start, Math.min(chips.size(), start + BATCH))));
        }
        return result;
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

    /** The extract crop (mean-face square at [padding, size − padding]) re-cut as a recognition chip. */
    private Image chipOfCrop(Image crop, int cropSize, double padding) {
        int size = embedder.chipSize();
        double scale = (size * 2.0 / 3.0) / (cropSize - 2 * padding);
        double offset = size / 6.0 - padding * scale;
        return OpenCvImages.warpAffine(crop, new Affine(scale, 0, offset, 0, scale, offset), size, size);
    }
}
