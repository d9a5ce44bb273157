package dev.faceswap4j.model.faceswapgan;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.core.testing.TestBatches;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.djl.AdamSettings;
import dev.faceswap4j.toolkit.FaceRecognitionFiles;
import java.nio.file.Path;
import java.util.List;

/** Real-face batches (with eye masks) and a reduced-width faceswap-GAN, so the tests run in seconds on a CPU. */
final class TestGan {

    private TestGan() {}

    /**
     * faceswap-GAN's layout at a quarter of the widths, every loss on (perceptual included); decoder
     * self-attention at 32 px only (at 64 px it costs ~8 s per CPU iteration).
     */
    static GanSettings lite(int seed) {
        return lite(seed, List.of(32));
    }

    static GanSettings lite(int seed, List<Integer> decoderAttention) {
        return new GanSettings("cpu", 64, List.of(32, 64, 128, 256), 256, 128, List.of(64, 32, 16), decoderAttention, List.of(16, 32, 64),
                new AdamSettings(1e-4f, 0.5f, 0.999f, 1e-7f), new AdamSettings(2e-4f, 0.5f, 0.999f, 1e-7f), 0.2,
                new GanSettings.LossWeights(0.1, 1, 30, 3, List.of(0.01, 0.1, 0.3, 0.1), 0.01, 20, 0.5), seed);
    }

    /** The model of {@code settings}, its perceptual loss network read from the test model store. */
    static GanModel model(GanSettings settings) {
        return new GanModel(settings, TestGan::recognitionManifest);
    }

    /** face-api's recognition network from the model store (the test is skipped without it). */
    static Path recognitionManifest() {
        TestModels.require(FaceRecognitionFiles.WEIGHTS);
        return TestModels.require(FaceRecognitionFiles.MANIFEST);
    }

    /** A batch of augmented real faces with their eye masks; even-indexed crops for A, odd for B. */
    static FaceBatch batch(boolean a, int size, long seed) {
        return TestBatches.realFaces(a, size, seed, true);
    }
}
