package dev.faceswap4j.core.testing;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.train.Augmentation;
import dev.faceswap4j.core.train.FaceAugmenter;
import dev.faceswap4j.core.train.FaceSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Training batches of the sample photos' real faces, augmented as training does, for the model plugins' tests. */
public final class TestBatches {

    private static final int SIZE = 64;
    private static FaceSet faces;

    private TestBatches() {}

    /** The aligned crops of {@link TestFaces#sampleCrops()}, read once per test JVM. */
    public static synchronized FaceSet faces() {
        if (faces == null) {
            faces = FaceSet.read(TestFaces.sampleCrops());
        }
        return faces;
    }

    /**
     * A batch of {@code size} augmented 64 px faces; even-indexed crops for A, odd for B. With
     * {@code eyes} it carries their eye masks too (the random draws are the same either way).
     */
    public static FaceBatch realFaces(boolean a, int size, long seed, boolean eyes) {
        return batch(a, size, seed, eyes ? 1 : 0);
    }

    /** As {@link #realFaces}, with the eye, mouth and face masks of each face. */
    public static FaceBatch realFacesWithRegions(boolean a, int size, long seed) {
        return batch(a, size, seed, 3);
    }

    private static FaceBatch batch(boolean a, int size, long seed, int regions) {
        FaceSet set = faces();
        FaceAugmenter augmenter = new FaceAugmenter(new Augmentation(10, 0.05, 0.05, 0.4, 5, 200), SIZE);
        Random random = new Random(seed);
        int stride = SIZE * SIZE * 3;
        float[] warped = new float[size * stride];
        float[] target = new float[size * stride];
        List<float[]> weights = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            weights.add(new float[r < regions ? size * SIZE * SIZE : 0]);
        }
        for (int i = 0; i < size; i++) {
            int index = 2 * random.nextInt(set.size() / 2) + (a ? 0 : 1);
            List<Image> masks = List.of(set.eyeMasks().get(index), set.mouthMasks().get(index), set.faceMasks().get(index));
            augmenter.augment(set.crops().get(index), masks.subList(0, regions), random, warped, target, weights.subList(0, regions), i * stride);
        }
        return new FaceBatch(size, SIZE, warped, target, weights.get(0), weights.get(1), weights.get(2));
    }
}
