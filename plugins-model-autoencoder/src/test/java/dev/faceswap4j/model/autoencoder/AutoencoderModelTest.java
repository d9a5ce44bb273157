package dev.faceswap4j.model.autoencoder;

import dev.faceswap4j.djl.AdamSettings;
import dev.faceswap4j.djl.ConvBlocks;
import dev.faceswap4j.djl.PyTorchEngines;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.core.testing.SeededRuns;
import dev.faceswap4j.core.testing.TestBatches;
import dev.faceswap4j.core.train.Augmentation;
import dev.faceswap4j.core.train.FaceAugmenter;
import dev.faceswap4j.core.train.FaceSet;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The autoencoder on DJL/PyTorch (CPU): architecture, learning, saving and exact resumption. */
class AutoencoderModelTest {

    @TempDir
    Path dir;

    @Test
    void parameterCountIsTheKerasModels() {
        assertShapesAndCounts(AutoencoderSettings.classic(), 55_505_664L, 1_553_539L);
    }

    /** The original deepfakes Keras model up-scales by pixel shuffle: Conv2D(4·filters, 3) → LeakyReLU → PixelShuffler. */
    @Test
    void withPixelShuffleTheParameterCountIsTheOriginalDeepfakesModels() {
        // Encoder: 4 convolutions 9,728 + 819,456 + 3,277,312 + 13,108,224, dense 16,778,240 + 16,793,600, up-scale 18,876,416.
        // Decoder: up-scales 4,719,616 + 1,180,160 + 295,168, RGB 4,803.
        assertShapesAndCounts(AutoencoderSettings.classic().withUpscale(ConvBlocks.Upscale.PIXEL_SHUFFLE), 69_662_976L, 6_199_747L);
    }

    /**
     * The layout that scales (gpu-256's): a 256 px face halved five times to 8 px, so the dense bottleneck is as large as
     * at 128 px with four halvings (at 256 px with the classic's four it would be 4x larger); SAEHD's residual blocks
     * after each decoder up-scale.
     */
    @Test
    void a256PxFaceTakesOneMoreHalvingNotALargerBottleneck() {
        AutoencoderSettings large = new AutoencoderSettings("cpu", 256, List.of(64, 128, 256, 512, 512), 512, 512, List.of(512, 256, 128, 64),
                TestTraining.lite(0).adam(), 0).withUpscale(ConvBlocks.Upscale.PIXEL_SHUFFLE).withResidualBlocks(1);
        // Encoder: convolutions (5x5) 4,864 + 204,928 + 819,456 + 3,277,312 + 6,554,112; dense 8*8*512 -> 512: 16,777,728, 512 ->
        // 8*8*512: 16,809,984; up-scale to 512 at 16 px: 9,439,232. Decoder: up-scales 9,439,232 + 4,719,616 + 1,180,160 + 295,168,
        // residual blocks 2*(2,359,808 + 590,080 + 147,584 + 36,928), RGB (5x5, 64 -> 3) 4,803.
        assertShapesAndCounts(large, 53_887_616L, 21_907_779L);
    }

    /** Faces in, a (bottleneck-filters, 2·side, 2·side) code between encoder and decoders, RGB out, with these weight counts. */
    private static void assertShapesAndCounts(AutoencoderSettings settings, long encoderWeights, long decoderWeights) {
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager()) {
            int size = settings.faceSize();
            Shape input = new Shape(1, 3, size, size);
            SequentialBlock encoder = AutoencoderNetwork.encoder(settings);
            ConvBlocks.initialize(encoder, manager, input);
            Shape code = encoder.getOutputShapes(new Shape[] {input})[0];
            assertEquals(new Shape(1, settings.bottleneckFilters(), 2L * settings.bottleneckSize(), 2L * settings.bottleneckSize()), code);
            SequentialBlock decoder = AutoencoderNetwork.decoder(settings);
            ConvBlocks.initialize(decoder, manager, code);
            assertEquals(new Shape(1, 3, size, size), decoder.getOutputShapes(new Shape[] {code})[0]);
            assertEquals(encoderWeights, ConvBlocks.parameterCount(encoder));
            assertEquals(decoderWeights, ConvBlocks.parameterCount(decoder));
        }
    }

    /** Pixel shuffle up-scaling on real faces: it learns, saves and loads exactly, and is not taken for the nearest network. */
    @Test
    void aPixelShuffleNetworkLearnsSavesAndIsRefusedByANearestConfiguration() {
        AutoencoderSettings lite = TestTraining.lite(8);
        // At cpu-fast's learning rate: the up-scaling layers, with 4x the outputs, start with smaller Glorot weights and at the
        // original's 5e-5 take longer than 60 steps to get going.
        AutoencoderSettings shuffle = lite.withAdam(new AdamSettings(2e-4f, 0.5f, 0.999f, 1e-7f)).withUpscale(ConvBlocks.Upscale.PIXEL_SHUFFLE);
        List<Image> faces = previewFaces();
        List<Image> before;
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(shuffle, dev.faceswap4j.api.TrainerOptions.DEFAULT, PyTorchEngines.pytorch(), ai.djl.Device.cpu())) {
            List<Double> losses = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                losses.add(trainer.step(TestTraining.batch(true, 8, i), TestTraining.batch(false, 8, 1000 + i)).get("loss_a"));
            }
            double first = mean(losses.subList(0, 5));
            double last = mean(losses.subList(55, 60));
            assertTrue(last < 0.8 * first, "loss fell from " + first + " to only " + last);
            before = trainer.swapper().swap(faces, Direction.A_TO_B);
            trainer.save(dir);
        }
        try (Swapper loaded = new AutoencoderModel(shuffle).loadSwapper(dir)) {
            assertEquals(before, loaded.swap(faces, Direction.A_TO_B));
        }
        try (Trainer nearest = new AutoencoderModel(shuffle.withUpscale(ConvBlocks.Upscale.NEAREST)).newTrainer()) {
            FaceswapException e = assertThrows(FaceswapException.class, () -> nearest.load(dir));
            assertTrue(e.getMessage().contains("pixel-shuffle up-scaling") && e.getMessage().contains("the configuration asks for"), e.getMessage());
        }
    }


    @Test
    void theEncoderIsSharedAndEachSideUpdatesOnlyItsDecoder() {
        try (AutoencoderTrainer trainer = newTrainer(1)) {
            SharedAutoencoder network = trainer.network();
            float[] decoderB = firstWeights(network.decoder(false));
            float[] encoder = firstWeights(network.encoder());
            float[] decoderA = firstWeights(network.decoder(true));
            // A step of A alone: an empty B batch is not allowed, so compare B's decoder across an A-only update.
            trainer.step(TestTraining.batch(true, 2, 1), TestTraining.batch(false, 2, 2));
            assertTrue(!java.util.Arrays.equals(encoder, firstWeights(network.encoder())));
            assertTrue(!java.util.Arrays.equals(decoderA, firstWeights(network.decoder(true))));
            assertTrue(!java.util.Arrays.equals(decoderB, firstWeights(network.decoder(false))));
            assertEquals(network.trainableParameters(true).size(), network.trainableParameters(false).size());
            assertTrue(network.trainableParameters(true).containsAll(network.encoder().getParameters().values()));
            assertTrue(network.trainableParameters(false).containsAll(network.encoder().getParameters().values()));
        }
    }

    @Test
    void lossFallsOnRealFaces() {
        try (AutoencoderTrainer trainer = newTrainer(2)) {
            List<Double> lossesA = new ArrayList<>();
            List<Double> lossesB = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Map<String, Double> losses = trainer.step(TestTraining.batch(true, 8, i), TestTraining.batch(false, 8, 1000 + i));
                lossesA.add(losses.get("loss_a"));
                lossesB.add(losses.get("loss_b"));
            }
            assertEquals(60, trainer.iteration());
            for (List<Double> losses : List.of(lossesA, lossesB)) {
                double first = mean(losses.subList(0, 5));
                double last = mean(losses.subList(55, 60));
                assertTrue(first > 0.1, "an untrained model is far from the faces: " + first);
                assertTrue(last < 0.8 * first, "loss fell from " + first + " to only " + last);
            }
        }
    }

    /**
     * learn-mask: the decoders' fourth channel learns the face hull of real faces — its error falls, and on faces
     * it never trained on the predicted mask (above half) overlaps the landmark hull (IoU); a saved model returns the same masks.
     */
    @Test
    void aLearnedMaskFindsTheFaceHull() {
        AutoencoderSettings lite = TestTraining.lite(8);
        AutoencoderSettings settings = lite.withAdam(new AdamSettings(2e-4f, 0.5f, 0.999f, 1e-7f)).withLoss(new FaceLoss(1, 1, 0, 0, 1))
                .withLearnMask(true);
        FaceSet set = TestBatches.faces();
        FaceAugmenter augmenter = new FaceAugmenter(Augmentation.none(200), 64);
        // Even crops train A, odd ones B (TestBatches): judge decoder A's mask on B's faces, which it never saw.
        List<Image> unseen = new ArrayList<>();
        List<Image> hulls = new ArrayList<>();
        for (int i = 1; i < set.size(); i += 2) {
            unseen.add(augmenter.face(set.crops().get(i)));
            hulls.add(augmenter.face(set.faceMasks().get(i)));
        }
        List<Swapper.MaskedFace> predicted;
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(settings, dev.faceswap4j.api.TrainerOptions.DEFAULT, PyTorchEngines.pytorch(), ai.djl.Device.cpu())) {
            List<Double> errors = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                Map<String, Double> losses = trainer.step(TestBatches.realFacesWithRegions(true, 8, i),
                        TestBatches.realFacesWithRegions(false, 8, 1000 + i));
                errors.add(losses.get("mask_a"));
            }
            double first = mean(errors.subList(0, 5));
            double last = mean(errors.subList(115, 120));
            assertTrue(last < 0.5 * first, "mask error fell from " + first + " to only " + last);
            Swapper swapper = trainer.swapper();
            assertTrue(swapper.predictsMask());
            predicted = swapper.swapWithMasks(unseen, Direction.B_TO_A);
            assertEquals(swapper.swap(unseen, Direction.B_TO_A), predicted.stream().map(Swapper.MaskedFace::face).toList());
            trainer.save(dir);
        }
        for (int i = 0; i < unseen.size(); i++) {
            double iou = iou(predicted.get(i).mask(), hulls.get(i));
            assertTrue(iou > 0.8, "face " + (2 * i + 1) + ": predicted mask vs landmark hull IoU " + iou);
        }
        try (Swapper loaded = new AutoencoderModel(settings).loadSwapper(dir)) {
            assertTrue(loaded.predictsMask());
            assertEquals(predicted, loaded.swapWithMasks(unseen, Direction.B_TO_A));
        }
        try (Trainer withoutMask = new AutoencoderModel(TestTraining.lite(0)).newTrainer()) {
            FaceswapException e = assertThrows(FaceswapException.class, () -> withoutMask.load(dir));
            assertTrue(e.getMessage().contains("with a mask channel autoencoder, the configuration asks for"), e.getMessage());
        }
    }

    /** Intersection over union of the pixels above half of two gray masks. */
    private static double iou(Image a, Image b) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            boolean x = (a.pixels()[i] & 0xff) > 127;
            boolean y = (b.pixels()[i] & 0xff) > 127;
            both += x && y ? 1 : 0;
            either += x || y ? 1 : 0;
        }
        return both / (double) either;
    }

    @Test
    void aSavedModelSwapsExactlyAsTheTrainedOne() {
        List<Image> faces = previewFaces();
        List<Image> before;
        try (AutoencoderTrainer trainer = newTrainer(3)) {
            trainer.step(TestTraining.batch(true, 4, 1), TestTraining.batch(false, 4, 2));
            before = trainer.swapper().swap(faces, Direction.A_TO_B);
            trainer.save(dir);
        }
        try (Swapper loaded = new AutoencoderModel(TestTraining.lite(0)).loadSwapper(dir)) {
            List<Image> after = loaded.swap(faces, Direction.A_TO_B);
            assertEquals(before, after);
            assertEquals(64, after.get(0).width());
        }
    }

    @Test
    void aResumedTrainerContinuesBitForBit() {
        FaceBatch a1 = TestTraining.batch(true, 4, 11);
        FaceBatch b1 = TestTraining.batch(false, 4, 12);
        FaceBatch a2 = TestTraining.batch(true, 4, 13);
        FaceBatch b2 = TestTraining.batch(false, 4, 14);
        try (AutoencoderTrainer original = newTrainer(4)) {
            original.step(a1, b1);
            original.step(a2, b2);
            original.save(dir);
            try (AutoencoderTrainer resumed = newTrainer(5)) {
                resumed.load(dir);
                assertEquals(2, resumed.iteration());
                assertWeightsEqual(original, resumed);
                assertAdamStateEqual(original, resumed);
                // Nothing outside the checkpoint carries over between steps (no left-over gradients):
                // the next steps give the same losses and the same weights, bit for bit.
                for (int i = 0; i < 2; i++) {
                    assertEquals(original.step(a1, b2), resumed.step(a1, b2));
                }
                assertEquals(original.iteration(), resumed.iteration());
                assertWeightsEqual(original, resumed);
            }
        }
    }

    @Test
    void refusesACorruptOrForeignCheckpoint() throws Exception {
        try (AutoencoderTrainer trainer = newTrainer(6)) {
            trainer.save(dir);
        }
        Path weights = dir.resolve(SharedAutoencoder.DECODER_B_FILE);
        try (RandomAccessFile file = new RandomAccessFile(weights.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        try (AutoencoderTrainer trainer = newTrainer(7)) {
            FaceswapException e = assertThrows(FaceswapException.class, () -> trainer.load(dir));
            assertTrue(e.getMessage().contains(weights.toString()), e.getMessage());
        }
        AutoencoderSettings wider = new AutoencoderSettings("cpu", 64, List.of(32, 64, 128, 512), 256, 128, List.of(64, 32, 16),
                TestTraining.lite(0).adam(), 0);
        try (Trainer trainer = new AutoencoderModel(wider).newTrainer()) {
            FaceswapException e = assertThrows(FaceswapException.class, () -> trainer.load(dir));
            assertTrue(e.getMessage().contains("the configuration asks for"), e.getMessage());
        }
        Files.delete(dir.resolve(AutoencoderTrainer.STATE_FILE));
        FaceswapException e = assertThrows(FaceswapException.class, () -> new AutoencoderModel(TestTraining.lite(0)).loadSwapper(dir));
        assertTrue(e.getMessage().contains("holds no autoencoder model"), e.getMessage());
    }

    /**
     * Two `train` runs with one run seed (the model's own seed 0: the run's fixes the weights too), cpu-fast's code paths
     * (mask channel, pixel-shuffle, eye and mouth priority), write the same losses.csv but for its wall-clock column;
     * another seed another run.
     */
    @Test
    void twoRunsWithOneSeedAreTheSameRun(@TempDir Path dir) {
        AutoencoderModel model = new AutoencoderModel(TestTraining.lite(0).withAdam(new AdamSettings(2e-4f, 0.5f, 0.999f, 1e-7f))
                .withLoss(new FaceLoss(3, 4, 0, 0, 1)).withLearnMask(true).withUpscale(ConvBlocks.Upscale.PIXEL_SHUFFLE));
        List<String> first = SeededRuns.losses("autoencoder", model, 1, 4, dir.resolve("first"));
        List<String> second = SeededRuns.losses("autoencoder", model, 1, 4, dir.resolve("second"));
        List<String> otherSeed = SeededRuns.losses("autoencoder", model, 2, 4, dir.resolve("other"));
        assertEquals(5, first.size(), "header and 4 iterations: " + first);
        assertEquals(first, second, "two runs with seed 1");
        assertNotEquals(first.get(1), otherSeed.get(1), "seed 2's first iteration");
    }

    private static AutoencoderTrainer newTrainer(int seed) {
        return new AutoencoderTrainer(TestTraining.lite(seed), dev.faceswap4j.api.TrainerOptions.DEFAULT, PyTorchEngines.pytorch(), ai.djl.Device.cpu());
    }

    private static List<Image> previewFaces() {
        FaceAugmenter augmenter = new FaceAugmenter(Augmentation.none(200), 64);
        return TestBatches.faces().crops().subList(0, 3).stream().map(augmenter::face).toList();
    }

    private static void assertWeightsEqual(AutoencoderTrainer expected, AutoencoderTrainer actual) {
        List<Parameter> left = expected.network().allParameters();
        List<Parameter> right = actual.network().allParameters();
        assertEquals(left.size(), right.size());
        for (int i = 0; i < left.size(); i++) {
            assertArrayEquals(left.get(i).getArray().toFloatArray(), right.get(i).getArray().toFloatArray(), left.get(i).getName());
        }
    }

    private void assertAdamStateEqual(AutoencoderTrainer expected, AutoencoderTrainer actual) {
        for (boolean a : new boolean[] {true, false}) {
            try {
                java.io.ByteArrayOutputStream left = new java.io.ByteArrayOutputStream();
                java.io.ByteArrayOutputStream right = new java.io.ByteArrayOutputStream();
                expected.adam(a).save(new java.io.DataOutputStream(left));
                actual.adam(a).save(new java.io.DataOutputStream(right));
                assertArrayEquals(left.toByteArray(), right.toByteArray(), "Adam state of " + (a ? "A" : "B"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static float[] firstWeights(ai.djl.nn.Block block) {
        return block.getParameters().values().get(0).getArray().toFloatArray();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
