package dev.faceswap4j.model.autoencoder;

import dev.faceswap4j.djl.AdamSettings;
import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.core.testing.TestBatches;
import java.util.List;

/** Real-face batches and a reduced-width network, so the model tests run in seconds on a CPU. */
final class TestTraining {

    private TestTraining() {}

    /** The classic layout at a quarter of the widths: same blocks, same code paths. */
    static AutoencoderSettings lite(int seed) {
        return new AutoencoderSettings("cpu", 64, List.of(32, 64, 128, 256), 256, 128, List.of(64, 32, 16),
                new AdamSettings(5e-5f, 0.5f, 0.999f, 1e-7f), seed);
    }

    /** A batch of augmented real faces; even-indexed crops for A, odd for B. */
    static FaceBatch batch(boolean a, int size, long seed) {
        return TestBatches.realFaces(a, size, seed, false);
    }
}
