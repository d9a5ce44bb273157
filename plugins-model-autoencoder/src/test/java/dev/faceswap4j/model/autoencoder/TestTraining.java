package dev.faceswap4j.model.autoencoder;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.core.testing.TestFaces;
import dev.faceswap4j.core.train.Augmentation;
import dev.faceswap4j.core.train.FaceAugmenter;
import dev.faceswap4j.core.train.FaceSet;
import java.util.List;
import java.util.Random;

/** Real-face batches and a reduced-width network, so the model tests run in seconds on a CPU. */
final class TestTraining {

    private static FaceSet faces;

    private TestTraining() {}

    /** The classic layout at a quarter of the widths: same blocks, same code paths. */
    static AutoencoderSettings lite(int seed) {
        return new AutoencoderSettings("cpu", 64, List.of(32, 64, 128, 256), 256, 128, List.of(64, 32, 16),
                new AdamSettings(5e-5f, 0.5f, 0.999f, 1e-7f), seed);
    }

    static synchronized FaceSet faces() {
        if (faces == null) {
            faces = FaceSet.read(TestFaces.sampleCrops());
        }
        return faces;
    }

    /** A batch of augmented real faces; even-indexed crops for A, odd for B. */
    static FaceBatch batch(boolean a, int size, long seed) {
        FaceSet set = faces();
        FaceAugmenter augmenter = new FaceAugmenter(new Augmentation(10, 0.05, 0.05, 0.4, 5, 200), 64);
        Random random = new Random(seed);
        int stride = 64 * 64 * 3;
        float[] warped = new float[size * stride];
        float[] target = new float[size * stride];
        for (int i = 0; i < size; i++) {
            int index = 2 * random.nextInt(set.size() / 2) + (a ? 0 : 1);
            augmenter.augment(set.crops().get(index), random, warped, target, i * stride);
        }
        return new FaceBatch(size, 64, warped, target);
    }
}
