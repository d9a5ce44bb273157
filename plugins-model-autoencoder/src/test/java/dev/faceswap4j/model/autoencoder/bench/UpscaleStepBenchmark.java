package dev.faceswap4j.model.autoencoder.bench;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.core.testing.TestBatches;
import dev.faceswap4j.djl.AdamSettings;
import dev.faceswap4j.djl.ConvBlocks.Upscale;
import dev.faceswap4j.model.autoencoder.AutoencoderModel;
import dev.faceswap4j.model.autoencoder.AutoencoderSettings;
import dev.faceswap4j.model.autoencoder.FaceLoss;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training step time of the cpu-fast autoencoder (quarter widths, face-only loss with eye and mouth multipliers,
 * learned mask) with nearest vs pixel-shuffle up-scaling, on batches of real faces. The two models take turns, a
 * round of steps each, so whatever else the machine does falls on both alike; the ratio is what counts.
 *
 * <pre>mvn -q install -DskipTests -pl plugins-model-autoencoder -am &amp;&amp; mvn -q -pl plugins-model-autoencoder \
 *   test-compile exec:exec -Dbench=dev.faceswap4j.model.autoencoder.bench.UpscaleStepBenchmark</pre>
 *
 * Options as system properties: batch (8), threads (2), rounds (6), steps (10 per round).
 */
public final class UpscaleStepBenchmark {

    public static void main(String[] args) {
        int batch = Integer.getInteger("batch", 8);
        int threads = Integer.getInteger("threads", 2);
        int rounds = Integer.getInteger("rounds", 6);
        int steps = Integer.getInteger("steps", 10);
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        FaceBatch a = TestBatches.realFacesWithRegions(true, batch, 1);
        FaceBatch b = TestBatches.realFacesWithRegions(false, batch, 2);
        Map<Upscale, Trainer> trainers = new EnumMap<>(Upscale.class);
        Map<Upscale, List<Double>> millis = new EnumMap<>(Upscale.class);
        for (Upscale mode : Upscale.values()) {
            trainers.put(mode, new AutoencoderModel(cpuFast(mode)).newTrainer());
            millis.put(mode, new ArrayList<>());
            for (int i = 0; i < 3; i++) {
                trainers.get(mode).step(a, b); // warm-up
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Upscale mode : Upscale.values()) {
                for (int i = 0; i < steps; i++) {
                    long start = System.nanoTime();
                    trainers.get(mode).step(a, b);
                    millis.get(mode).add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        trainers.values().forEach(Trainer::close);
        double nearest = median(millis.get(Upscale.NEAREST));
        double shuffle = median(millis.get(Upscale.PIXEL_SHUFFLE));
        System.out.printf(Locale.ROOT, "cpu-fast autoencoder, batch %d, %d threads, median of %d steps: nearest %.1f ms, pixel-shuffle %.1f ms"
                + " (pixel-shuffle / nearest = %.2f)%n", batch, threads, rounds * steps, nearest, shuffle, shuffle / nearest);
    }

    private static AutoencoderSettings cpuFast(Upscale mode) {
        return new AutoencoderSettings("cpu", 64, List.of(32, 64, 128, 256), 256, 128, List.of(64, 32, 16),
                new AdamSettings(2e-4f, 0.5f, 0.999f, 1e-7f), 1).withLoss(new FaceLoss(3, 2, 0, 0, 1)).withLearnMask(true).withUpscale(mode);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
