package dev.faceswap4j.core.compare;

import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.core.face.Descriptors;
import dev.faceswap4j.core.face.FaceChips;
import dev.faceswap4j.core.face.FaceWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the same held-out faces through several trained models and measures each: reconstruction
 * (the face rendered as its own identity) against the face, sharpness of the swapped face, its
 * identity distance to the target person, and the time per face.
 */
public final class ModelComparison {

    /** Faces per swap call. */
    private static final int BATCH = 16;

    /** A trained model under comparison. */
    public record Candidate(String name, Swapper swapper, FaceWindow window) {}

    /**
     * One row of the table. {@code change}: mean L1 between the swapped and the input face — near 0
     * means the model let the input through (a GAN whose alpha mask is still closed);
     * {@code identityDistance}: mean Euclidean distance of the faces' descriptors to the target
     * person's mean descriptor (NaN without an embedder); {@code grid}: mean {@link ImageMetrics#gridScore} of the
     * swapped faces (of the real faces in the reference rows). Model figures are NaN for the reference rows.
     */
    public record Figures(String name, int faces, double reconstructionL1, double reconstructionSsim, double change, double sharpness,
            double grid, double identityDistance, double millisPerFace) {}

    /** The table rows (reference rows first, then one per model) and the model faces the grid shows. */
    public record Result(List<Figures> figures, List<Image> inputs, List<List<Image>> swapped) {}

    private final FaceEmbedder embedder;

    /** {@code embedder} may be null: no identity distances then. */
    public ModelComparison(FaceEmbedder embedder) {
        this.embedder = embedder;
    }

    /**
     * @param crops held-out aligned crops of the source identity ({@code direction}'s "from")
     * @param targetCrops aligned crops of the target identity, for its mean descriptor (may be empty)
     */
    public Result run(List<Image> crops, List<Image> targetCrops, List<Candidate> candidates, Direction direction) {
        Direction own = direction == Direction.A_TO_B ? Direction.B_TO_A : Direction.A_TO_B;
        FaceWindow reference = candidates.get(0).window();
        float[] target = embedder == null || targetCrops.isEmpty() ? null : meanDescriptor(faces(targetCrops, reference), reference);
        List<Figures> figures = new ArrayList<>();
        List<Image> referenceInputs = faces(crops, reference);
        figures.add(new Figures("input faces (not swapped)", crops.size(), Double.NaN, Double.NaN, Double.NaN, meanSharpness(referenceInputs),
                meanGrid(referenceInputs), identityDistance(referenceInputs, reference, target), Double.NaN));
        if (target != null) {
            List<Image> targetFaces = faces(targetCrops, reference);
            figures.add(new Figures("target person's faces", targetFaces.size(), Double.NaN, Double.NaN, Double.NaN, meanSharpness(targetFaces),
                    meanGrid(targetFaces), identityDistance(targetFaces, reference, target), Double.NaN));
        }
        List<List<Image>> swappedByModel = new ArrayList<>();
        for (Candidate candidate : candidates) {
            List<Image> inputs = faces(crops, candidate.window());
            // Rendering the reconstructions first also warms the model up: one-time start-up does not count in the time per face.
            List<Image> reconstructed = swapAll(candidate.swapper(), inputs, own);
            long start = System.nanoTime();
            List<Image> swapped = swapAll(candidate.swapper(), inputs, direction);
            double millis = (System.nanoTime() - start) / 1e6 / inputs.size();
            double l1 = 0;
            double ssim = 0;
            double change = 0;
            for (int i = 0; i < inputs.size(); i++) {
                l1 += ImageMetrics.l1(inputs.get(i), reconstructed.get(i));
                ssim += ImageMetrics.ssim(inputs.get(i), reconstructed.get(i));
                change += ImageMetrics.l1(inputs.get(i), swapped.get(i));
            }
            int n = inputs.size();
            figures.add(new Figures(candidate.name(), n, l1 / n, ssim / n, change / n, meanSharpness(swapped), meanGrid(swapped),
                    identityDistance(swapped, candidate.window(), target), millis));
            swappedByModel.add(swapped);
        }
        return new Result(figures, referenceInputs, swappedByModel);
    }

    private static List<Image> swapAll(Swapper swapper, List<Image> faces, Direction direction) {
        List<Image> result = new ArrayList<>(faces.size());
        for (int start = 0; start < faces.size(); start += BATCH) {
            result.addAll(swapper.swap(new ArrayList<>(faces.subList(start, Math.min(faces.size(), start + BATCH))), direction));
        }
        return result;
    }

    private static List<Image> faces(List<Image> crops, FaceWindow window) {
        return crops.stream().map(window::faceOf).toList();
    }

    private static double meanGrid(List<Image> faces) {
        return faces.stream().mapToDouble(ImageMetrics::gridScore).average().orElse(Double.NaN);
    }

    private static double meanSharpness(List<Image> faces) {
        return faces.stream().mapToDouble(ImageMetrics::sharpness).average().orElse(Double.NaN);
    }

    private double identityDistance(List<Image> faces, FaceWindow window, float[] target) {
        if (target == null) {
            return Double.NaN;
        }
        return descriptors(faces, window).stream().mapToDouble(d -> Descriptors.distance(d, target)).average().orElse(Double.NaN);
    }

    private float[] meanDescriptor(List<Image> faces, FaceWindow window) {
        return Descriptors.mean(descriptors(faces, window));
    }

    private List<float[]> descriptors(List<Image> faces, FaceWindow window) {
        List<Image> chips = faces.stream().map(face -> window.chipOf(face, embedder.chipSize())).toList();
        return FaceChips.embed(embedder, chips);
    }
}
