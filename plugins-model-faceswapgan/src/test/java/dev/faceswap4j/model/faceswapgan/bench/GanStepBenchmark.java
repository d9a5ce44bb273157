package dev.faceswap4j.model.faceswapgan.bench;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.djl.AdamSettings;
import dev.faceswap4j.model.autoencoder.AutoencoderModel;
import dev.faceswap4j.model.autoencoder.AutoencoderSettings;
import dev.faceswap4j.model.faceswapgan.GanModel;
import dev.faceswap4j.model.faceswapgan.GanSettings;
import dev.faceswap4j.toolkit.FaceRecognitionFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Training step time of faceswap-GAN beside the autoencoder, same widths, batch and threads, one run:
 * the classic widths (faceswap-GAN's decoder attention at 32 and 64 px, and at 32 px only) and the
 * lite preset (quarter widths: the decoder's attention at no side, 16, 32 (cpu-fast's) and 32 and 64 px,
 * and at 32 px without the perceptual loss, so it shows where a CPU step goes). A step is one iteration: both identities, and for the GAN both its
 * discriminator and generator updates.
 *
 * <pre>mvn -q install -DskipTests -pl plugins-model-autoencoder -am &amp;&amp; mvn -q -pl plugins-model-faceswapgan \
 *   test-compile exec:exec -Dbench=dev.faceswap4j.model.faceswapgan.bench.GanStepBenchmark</pre>
 *
 * Options as system properties: batch (8), threads (2), steps (5), device (cpu; gpu on a CUDA libtorch).
 */
public final class GanStepBenchmark {

    public static void main(String[] args) {
        int batch = Integer.getInteger("batch", 8);
        int threads = Integer.getInteger("threads", 2);
        int steps = Integer.getInteger("steps", 5);
        String device = System.getProperty("device", "cpu");
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        TestModels.require(FaceRecognitionFiles.WEIGHTS);
        Path manifest = TestModels.require(FaceRecognitionFiles.MANIFEST);
        FaceBatch faces = randomBatch(batch);
        for (boolean lite : new boolean[] {true, false}) {
            List<Integer> encoder = lite ? List.of(32, 64, 128, 256) : List.of(128, 256, 512, 1024);
            int dim = lite ? 256 : 1024;
            int bottleneck = lite ? 128 : 512;
            List<Integer> decoder = lite ? List.of(64, 32, 16) : List.of(256, 128, 64);
            List<Integer> discriminator = lite ? List.of(16, 32, 64) : List.of(64, 128, 256);
            String widths = lite ? "lite" : "classic";
            AdamSettings adam = new AdamSettings(1e-4f, 0.5f, 0.999f, 1e-7f);
            double autoencoder = medianMillis(new AutoencoderModel(new AutoencoderSettings(device, 64, encoder, dim, bottleneck, decoder, adam, 1)),
                    faces, steps);
            System.out.printf(Locale.ROOT, "%-7s autoencoder                          %8.0f ms/iteration%n", widths, autoencoder);
            // Lite: where the step goes (the decoder's attention by side, the perceptual network); classic: faceswap-GAN's two layouts.
            List<List<Integer>> attentions = lite ? List.of(List.of(), List.of(16), List.of(32), List.of(32, 64)) : List.of(List.of(32), List.of(32, 64));
            for (List<Integer> attention : attentions) {
                for (boolean perceptual : lite && attention.equals(List.of(32)) ? new boolean[] {true, false} : new boolean[] {true}) {
                    List<Double> perceptualWeights = perceptual ? List.of(0.01, 0.1, 0.3, 0.1) : List.of(0.0, 0.0, 0.0, 0.0);
                    GanSettings gan = new GanSettings(device, 64, encoder, dim, bottleneck, decoder, attention, discriminator, adam,
                            new AdamSettings(2e-4f, 0.5f, 0.999f, 1e-7f), 0.2,
                            new GanSettings.LossWeights(0.1, 1, 30, 3, perceptualWeights, 0.01, 0, 0.5), 1);
                    double millis = medianMillis(new GanModel(gan, () -> manifest), faces, steps);
                    System.out.printf(Locale.ROOT, "%-7s faceswap-gan, decoder attention %-8s%-16s %8.0f ms/iteration = %.1f x the autoencoder%n",
                            widths, attention, perceptual ? "" : ", no perceptual", millis, millis / autoencoder);
                }
            }
        }
        System.out.printf(Locale.ROOT, "(batch %d per identity, %d threads, %s, median of %d iterations after 2 warm-up)%n", batch, threads,
                device, steps);
    }

    private static double medianMillis(SwapModel model, FaceBatch faces, int steps) {
        List<Double> times = new ArrayList<>();
        try (Trainer trainer = model.newTrainer()) {
            for (int step = 0; step < 2 + steps; step++) {
                long start = System.nanoTime();
                trainer.step(faces, faces);
                if (step >= 2) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static FaceBatch randomBatch(int batch) {
        Random random = new Random(0);
        int size = batch * 64 * 64 * 3;
        float[] warped = new float[size];
        float[] target = new float[size];
        float[] eyes = new float[size / 3];
        for (int i = 0; i < size; i++) {
            warped[i] = random.nextFloat();
            target[i] = random.nextFloat();
        }
        for (int i = 0; i < eyes.length; i++) {
            eyes[i] = random.nextFloat() < 0.05 ? 1 : 0;
        }
        return new FaceBatch(batch, 64, warped, target, eyes);
    }
}
