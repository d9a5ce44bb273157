package dev.faceswap4j.model.autoencoder.bench;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.model.autoencoder.AutoencoderModel;
import dev.faceswap4j.model.autoencoder.AutoencoderSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Training step time of the classic autoencoder on DJL/PyTorch beside the same model in PyTorch
 * (bench/autoencoder_step.py, Debian's python3-torch), same batch size and thread count, in one run:
 * Python before and after Java, the better Python median taken.
 *
 * <pre>ONEDNN_MAX_CPU_ISA=AVX2 mvn -q install -DskipTests -pl core -am &amp;&amp; ONEDNN_MAX_CPU_ISA=AVX2 mvn -q -pl plugins-model-autoencoder \
 *   test-compile exec:exec -Dbench=dev.faceswap4j.model.autoencoder.bench.AutoencoderStepBenchmark</pre>
 *
 * Options as system properties: batch (8), threads (2), steps (10).
 */
public final class AutoencoderStepBenchmark {

    public static void main(String[] args) throws Exception {
        int batch = Integer.getInteger("batch", 8);
        int threads = Integer.getInteger("threads", 2);
        int steps = Integer.getInteger("steps", 10);
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        String before = python(batch, threads, steps);
        double java = javaMedianMillis(batch, steps);
        String after = python(batch, threads, steps);
        double reference = Math.min(median(before), median(after));
        System.out.println("python (before): " + before);
        System.out.println("python (after):  " + after);
        System.out.printf(Locale.ROOT, "DJL 0.36 / libtorch 2.7.1: median step %.1f ms (batch %d, threads %d, %d steps)%n", java, batch, threads,
                steps);
        System.out.printf(Locale.ROOT, "ratio DJL / PyTorch = %.2f (%.0f samples/s vs %.0f)%n", java / reference, 2000.0 * batch / java,
                2000.0 * batch / reference);
    }

    private static double javaMedianMillis(int batch, int steps) {
        AutoencoderSettings classic = AutoencoderSettings.classic();
        AutoencoderSettings cpu = new AutoencoderSettings("cpu", classic.faceSize(), classic.encoderFilters(), classic.encoderDim(),
                classic.bottleneckFilters(), classic.decoderFilters(), classic.adam(), 1);
        Random random = new Random(0);
        float[] warped = new float[batch * 64 * 64 * 3];
        float[] target = new float[warped.length];
        for (int i = 0; i < warped.length; i++) {
            warped[i] = random.nextFloat();
            target[i] = random.nextFloat();
        }
        FaceBatch faces = new FaceBatch(batch, 64, warped, target);
        List<Double> times = new ArrayList<>();
        try (Trainer trainer = new AutoencoderModel(cpu).newTrainer()) {
            for (int step = 0; step < 3 + steps; step++) {
                long start = System.nanoTime();
                trainer.step(faces, faces);
                if (step >= 3) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static String python(int batch, int threads, int steps) throws Exception {
        Path script = Path.of(System.getProperty("user.dir")).resolve("../bench/autoencoder_step.py").normalize();
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), "--batch", String.valueOf(batch), "--threads",
                String.valueOf(threads), "--steps", String.valueOf(steps)).redirectErrorStream(true).start();
        String output;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = String.join("\n", reader.lines().toList());
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("reference failed (install python3-torch): " + output);
        }
        return output.lines().reduce((first, second) -> second).orElseThrow();
    }

    private static double median(String line) {
        String[] words = line.split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("median_step_ms")) {
                return Double.parseDouble(words[i + 1]);
            }
        }
        throw new IllegalStateException("no median in: " + line);
    }
}
