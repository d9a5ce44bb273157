package dev.faceswap4j.model.faceswapgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.core.testing.SeededRuns;
import dev.faceswap4j.core.testing.TestBatches;
import dev.faceswap4j.core.train.Augmentation;
import dev.faceswap4j.core.train.FaceAugmenter;
import dev.faceswap4j.djl.ConvBlocks.Upscale;
import dev.faceswap4j.djl.PyTorchEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanModelTest {

    @Test
    void shapesAreFaceswapGans() {
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager(Device.cpu())) {
            GanNetworks networks = new GanNetworks(TestGan.lite(1, List.of(32, 64)), manager);
            NDArray faces = manager.randomUniform(0, 1, new Shape(2, 3, 64, 64));
            NDArray output = networks.generate(faces, true, false);
            assertEquals(new Shape(2, 4, 64, 64), output.getShape(), "RGB + alpha");
            assertEquals(new Shape(2, 1, 8, 8), networks.discriminate(faces, faces, false, false).getShape(), "8x8 PatchGAN scores");
            long gammas = networks.allParameters().stream().filter(p -> p.getName().equals("gamma")).count();
            // encoder 2 + decoders 2 × 2 + discriminators 2 × 1
            assertEquals(8, gammas, "self-attention blocks");
        }
    }

    @Test
    void selfAttentionStartsAsIdentity() {
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager(Device.cpu())) {
            SelfAttention attention = new SelfAttention(32);
            attention.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 32, 8, 8));
            NDArray x = manager.randomNormal(new Shape(2, 32, 8, 8));
            NDArray y = attention.forward(new ai.djl.training.ParameterStore(manager, false), new ai.djl.ndarray.NDList(x), false)
                    .singletonOrThrow();
            assertEquals(0f, x.sub(y).abs().max().getFloat(), 0f, "γ = 0 at the start");
        }
    }

    /** Real faces, every loss on: the reconstruction falls and the discriminator learns. */
    @Test
    void trainingOnRealFacesLowersTheReconstructionLoss() {
        GanModel model = TestGan.model(TestGan.lite(7));
        List<Map<String, Double>> history = new ArrayList<>();
        try (Trainer trainer = model.newTrainer()) {
            for (int i = 0; i < 60; i++) {
                history.add(trainer.step(TestGan.batch(true, 4, i), TestGan.batch(false, 4, 1000 + i)));
            }
        }
        double first = mean(history.subList(0, 10));
        double last = mean(history.subList(50, 60));
        System.out.printf("faceswap-GAN lite, 60 iterations batch 4: L1 A+B %.4f -> %.4f; last %s%n", first, last, history.get(59));
        assertTrue(last < 0.9 * first, "reconstruction L1 " + first + " -> " + last);
        history.forEach(losses -> losses.values().forEach(v -> assertTrue(Double.isFinite(v), losses.toString())));
        // The per-term curves add up to the generator's loss (reconstruction weight 1.0 in reference.conf).
        Map<String, Double> losses = history.get(59);
        for (String side : List.of("_a", "_b")) {
            double sum = losses.get("loss" + side);
            for (String term : GanLosses.TERMS) {
                sum += losses.get("g" + side + "." + term);
            }
            assertEquals(losses.get("g" + side), sum, 1e-4, "terms of g" + side + " in " + losses);
            assertTrue(losses.get("g" + side + ".perceptual") > 0, "perceptual on after the mask warm-up: " + losses);
        }
    }

    /**
     * Two `train` runs with one run seed (the model's own seed 0), past the mask warm-up so every loss is on, write the
     * same losses.csv but for its wall-clock column; another seed another run.
     */
    @Test
    void twoRunsWithOneSeedAreTheSameRun(@TempDir Path dir) {
        GanSettings lite = TestGan.lite(0);
        GanModel model = TestGan.model(new GanSettings(lite.device(), lite.faceSize(), lite.encoderFilters(), lite.encoderDim(),
                lite.bottleneckFilters(), lite.decoderFilters(), lite.decoderAttention(), lite.discriminatorFilters(), lite.generatorAdam(),
                lite.discriminatorAdam(), lite.mixupAlpha(), new GanSettings.LossWeights(0.1, 1, 30, 3, List.of(0.01, 0.1, 0.3, 0.1), 0.01,
                        2, 0.5, 0.9, 1), 0));
        List<String> first = SeededRuns.losses("faceswap-gan", model, 1, 4, dir.resolve("first"));
        List<String> second = SeededRuns.losses("faceswap-gan", model, 1, 4, dir.resolve("second"));
        List<String> otherSeed = SeededRuns.losses("faceswap-gan", model, 2, 4, dir.resolve("other"));
        assertEquals(5, first.size(), "header and 4 iterations: " + first);
        int perceptual = List.of(first.get(0).split(",")).indexOf("g_a.perceptual");
        assertTrue(Double.parseDouble(first.get(4).split(",")[perceptual]) > 0, "the perceptual loss is on at iteration 4: " + first.get(4));
        assertEquals(first, second, "two runs with seed 1");
        assertNotEquals(first.get(1), otherSeed.get(1), "seed 2's first iteration");
    }

    /** A checkpoint of the version before (its manifest path, no up-scale) still reads, as the nearest up-sampling it was built with. */
    @Test
    void aCheckpointOfTheVersionBeforeStillReads(@TempDir Path dir) throws Exception {
        GanState current = new GanState(TestGan.lite(0), 7);
        current.write(dir);
        Path file = dir.resolve(GanState.FILE_NAME);
        Files.writeString(file, Files.readString(file).replaceFirst("\"upscale\" : \"[A-Z_]+\"",
                "\"recognitionManifest\" : \"/home/someone/.cache/faceswap4j/models/face_recognition_model-weights_manifest.json\""));
        GanState earlier = GanState.read(dir);
        assertEquals(Upscale.NEAREST, earlier.settings().upscale());
        assertEquals(current, earlier);
    }

    @Test
    void saveLoadSwapAndResumeAreExact(@TempDir Path dir) {
        GanModel model = TestGan.model(TestGan.lite(3));
        FaceAugmenter augmenter = new FaceAugmenter(new Augmentation(10, 0.05, 0.05, 0.4, 5, 200), 64);
        List<Image> faces = List.of(augmenter.face(TestBatches.faces().crops().get(0)), augmenter.face(TestBatches.faces().crops().get(1)));
        Map<String, Double> next;
        List<Image> swapped;
        try (Trainer trainer = model.newTrainer()) {
            for (int i = 0; i < 3; i++) {
                trainer.step(TestGan.batch(true, 2, i), TestGan.batch(false, 2, 50 + i));
            }
            trainer.save(dir);
            try (Swapper live = trainer.swapper()) {
                swapped = live.swap(faces, Direction.A_TO_B);
            }
            next = trainer.step(TestGan.batch(true, 2, 99), TestGan.batch(false, 2, 98));
        }
        try (Swapper loaded = model.loadSwapper(dir)) {
            List<Image> again = loaded.swap(faces, Direction.A_TO_B);
            for (int i = 0; i < faces.size(); i++) {
                assertArrayEquals(swapped.get(i).pixels(), again.get(i).pixels(), "face " + i + " after save and load");
            }
        }
        try (Trainer resumed = model.newTrainer()) {
            resumed.load(dir);
            assertEquals(3, resumed.iteration());
            assertEquals(next, resumed.step(TestGan.batch(true, 2, 99), TestGan.batch(false, 2, 98)), "the step after --resume");
        }
    }

    @Test
    void aCheckpointOfAnotherWidthIsRefused(@TempDir Path dir) {
        GanSettings lite = TestGan.lite(1);
        try (Trainer trainer = TestGan.model(lite).newTrainer()) {
            trainer.save(dir);
        }
        GanSettings wider = new GanSettings("cpu", 64, List.of(64, 64, 128, 256), 256, 128, List.of(64, 32, 16), lite.decoderAttention(), List.of(16, 32, 64),
                lite.generatorAdam(), lite.discriminatorAdam(), lite.mixupAlpha(), lite.weights(), 1);
        try (Trainer trainer = TestGan.model(wider).newTrainer()) {
            FaceswapException e = assertThrows(FaceswapException.class, () -> trainer.load(dir));
            assertTrue(e.getMessage().contains("configuration asks for"), e.getMessage());
        }
    }

    @Test
    void defaultsAreFaceswapGansAndMistakesAreOneLine() {
        com.typesafe.config.Config section = com.typesafe.config.ConfigFactory.load().getConfig(GanSettings.SECTION);
        GanSettings defaults = GanSettings.from(section);
        assertEquals(List.of(32, 64), defaults.decoderAttention());
        assertEquals(List.of(0.01, 0.1, 0.3, 0.1), defaults.weights().perceptual());
        assertEquals(1e-4f, defaults.generatorAdam().learningRate());
        assertEquals(2e-4f, defaults.discriminatorAdam().learningRate());
        assertEquals(0.2, defaults.mixupAlpha(), "mixup LSGAN, faceswap-GAN's default");
        assertEquals(0.9, defaults.weights().maskFaceFloor(), "the face held open: a swap shows the decoder's face");
        FaceswapException e = assertThrows(FaceswapException.class, () -> GanSettings.from(
                section.withValue("decoder-attention", com.typesafe.config.ConfigValueFactory.fromIterable(List.of(48)))));
        assertEquals("faceswap4j.models.faceswap-gan.decoder-attention lists sides of decoder outputs (16, 32, 64 px), got 48",
                e.getMessage());
    }

    private static double mean(List<Map<String, Double>> losses) {
        return losses.stream().mapToDouble(l -> l.get("loss_a") + l.get("loss_b")).average().orElseThrow();
    }

}
