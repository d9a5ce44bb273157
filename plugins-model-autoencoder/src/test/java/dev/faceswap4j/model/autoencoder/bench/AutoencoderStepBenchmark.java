package dev.faceswap4j.model.autoencoder.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.model.autoencoder.AutoencoderModel;
import dev.faceswap4j.model.autoencoder.AutoencoderSettings;
import dev.faceswap4j.djl.PyTorchEngines;
import dev.faceswap4j.djl.ResumableAdam;
import dev.faceswap4j.model.autoencoder.SharedAutoencoder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Training step time of the classic autoencoder on DJL/PyTorch beside the same model in PyTorch
 * (bench/autoencoder_step.py, Debian's python3-torch), same batch size and thread count, in one run:
 * Python before and after Java, the better Python median taken. Both also report where one side's
 * step goes: forward, backward, optimizer.
 *
 * <pre>mvn -q install -DskipTests -pl core -am &amp;&amp; mvn -q -pl plugins-model-autoencoder \
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
        String phases = javaPhases(batch, steps);
        String after = python(batch, threads, steps);
        double reference = Math.min(median(before), median(after));
        System.out.println("python (before): " + before);
        System.out.println("python (after):  " + after);
        System.out.printf(Locale.ROOT, "DJL 0.36 / libtorch 2.7.1: median step %.1f ms (batch %d, threads %d, %d steps) per side: %s%n", java,
                batch, threads, steps, phases);
        System.out.printf(Locale.ROOT, "ratio DJL / PyTorch = %.2f (%.0f samples/s vs %.0f)%n", java / reference, 2000.0 * batch / java,
                2000.0 * batch / reference);
    }

    private static double javaMedianMillis(int batch, int steps) {
        AutoencoderSettings cpu = cpuClassic();
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
        return medianOf(times);
    }

    /** Median forward, backward and optimizer time of one side, with the trainer's own pieces. */
    private static String javaPhases(int batch, int steps) {
        AutoencoderSettings settings = cpuClassic();
        Engine engine = PyTorchEngines.pytorch();
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
            SharedAutoencoder network = SharedAutoencoder.create(settings, manager);
            network.allParameters().forEach(p -> p.getArray().setRequiresGradient(true));
            Shape shape = new Shape(batch, 3, settings.faceSize(), settings.faceSize());
            NDArray warped = manager.randomUniform(0, 1, shape);
            NDArray target = manager.randomUniform(0, 1, shape);
            List<ResumableAdam> adams = List.of(new ResumableAdam(settings.adam(), network.trainableParameters(true), manager),
                    new ResumableAdam(settings.adam(), network.trainableParameters(false), manager));
            for (int step = 0; step < 3 + steps; step++) {
                for (int side = 0; side < 2; side++) {
                    long begin = System.nanoTime();
                    long forward;
                    long backward;
                    try (NDManager scope = manager.newSubManager(); GradientCollector collector = engine.newGradientCollector()) {
                        NDArray loss = network.render(warped, side == 0, true).sub(target).abs().mean();
                        loss.getFloat();
                        forward = System.nanoTime();
                        collector.backward(loss);
                        backward = System.nanoTime();
                    }
                    adams.get(side).step();
                    long end = System.nanoTime();
                    if (step >= 3) {
                        phases.computeIfAbsent("forward_ms", k -> new ArrayList<>()).add((forward - begin) / 1e6);
                        phases.computeIfAbsent("backward_ms", k -> new ArrayList<>()).add((backward - forward) / 1e6);
                        phases.computeIfAbsent("optimizer_ms", k -> new ArrayList<>()).add((end - backward) / 1e6);
                    }
                }
            }
            adams.forEach(ResumableAdam::close);
        }
        StringBuilder line = new StringBuilder();
        phases.forEach((name, times) -> line.append(String.format(Locale.ROOT, "%s %.1f ", name, medianOf(times))));
        return line.toString().trim();
    }

    private static AutoencoderSettings cpuClassic() {
        AutoencoderSettings classic = AutoencoderSettings.classic();
        return new AutoencoderSettings("cpu", classic.faceSize(), classic.encoderFilters(), classic.encoderDim(), classic.bottleneckFilters(),
                classic.decoderFilters(), classic.adam(), 1);
    }

    private static double medianOf(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
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
