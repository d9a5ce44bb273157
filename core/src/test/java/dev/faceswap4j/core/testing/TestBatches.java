package dev.faceswap4j.core.testing;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.core.train.Augmentation;
import dev.faceswap4j.core.train.FaceAugmenter;
import dev.faceswap4j.core.train.FaceSet;
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
        FaceSet set = faces();
        FaceAugmenter augmenter = new FaceAugmenter(new Augmentation(10, 0.05, 0.05, 0.4, 5, 200), SIZE);
        Random random = new Random(seed);
        int stride = SIZE * SIZE * 3;
        float[] warped = new float[size * stride];
        float[] target = new float[size * stride];
        float[] eyeMasks = new float[eyes ? size * SIZE * SIZE : 0];
        for (int i = 0; i < size; i++) {
            int index = 2 * random.nextInt(set.size() / 2) + (a ? 0 : 1);
            if (eyes) {
                augmenter.augment(set.crops().get(index), set.eyeMasks().get(index), random, warped, target, eyeMasks, i * stride);
            } else {
                augmenter.augment(set.crops().get(index), random, warped, target, i * stride);
            }
        }
        return eyes ? new FaceBatch(size, SIZE, warped, target, eyeMasks) : new FaceBatch(size, SIZE, warped, target);
    }
}
