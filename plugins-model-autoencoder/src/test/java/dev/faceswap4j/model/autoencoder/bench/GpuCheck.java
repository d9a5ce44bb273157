package dev.faceswap4j.model.autoencoder.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.model.autoencoder.AutoencoderModel;
import dev.faceswap4j.model.autoencoder.AutoencoderSettings;
import dev.faceswap4j.djl.PyTorchEngines;
import dev.faceswap4j.djl.TorchFlavor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The device check of {@code bench/gpu-check.sh}: which device DJL's PyTorch engine found, the classic autoencoder's
 * training step at batch 64 (FP32, both sides, random faces) and the swap of a batch of aligned faces, the part of
 * convert that runs on the model's device. Prints one {@code key: value} line per figure.
 *
 * Then the same for the presets of larger faces (gpu-128, gpu-256), each at its own batch size.
 *
 * <p>Options as system properties: batch (64, the classic's), steps (20, timed after 3 warm-up steps), device (auto),
 * presets (gpu-128,gpu-256; empty: none).
 */
public final class GpuCheck {

    private static final int WARMUP = 3;

    public static void main(String[] args) {
        int batch = Integer.getInteger("batch", 64);
        int steps = Integer.getInteger("steps", 20);
        String device = System.getProperty("device", "auto");
        Engine engine = PyTorchEngines.pytorch();
        TorchFlavor flavor = TorchFlavor.of(engine);
        Device chosen = PyTorchEngines.device(engine, device, "-Ddevice");
        System.out.println("engine: " + engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")");
        System.out.println("libtorch: " + flavor.describe());
        System.out.println("device: " + chosen + (chosen.isGpu() ? gpu(chosen) : " (" + flavor.whyCpu() + ")"));

        AutoencoderSettings classic = AutoencoderSettings.classic();
        time("classic", new AutoencoderSettings(device, classic.faceSize(), classic.encoderFilters(), classic.encoderDim(),
                classic.bottleneckFilters(), classic.decoderFilters(), classic.adam(), 1), batch, steps);
        // The presets for larger faces, each at its own batch size: unmeasured until a run on a GPU.
        for (String preset : System.getProperty("presets", "gpu-128,gpu-256").split(",")) {
            if (!preset.isBlank()) {
                Config config = ConfigFactory.parseResources(GpuCheck.class.getClassLoader(), "faceswap4j/presets/" + preset.strip() + ".conf",
                        ConfigParseOptions.defaults().setAllowMissing(false)).withFallback(ConfigFactory.defaultReference()).resolve();
                Config section = config.getConfig("faceswap4j.models.autoencoder").withValue("device", ConfigValueFactory.fromAnyRef(device));
                time(preset.strip(), AutoencoderSettings.from(section), config.getInt("faceswap4j.train.batch-size"), steps);
            }
        }
    }

    /** The training step (both sides) and the swap of a batch of aligned faces of one layout, timed after a warm-up. */
    private static void time(String label, AutoencoderSettings settings, int batch, int steps) {
        int size = settings.faceSize();
        FaceBatch faces = randomBatch(batch, size);
        List<Double> stepMillis = new ArrayList<>();
        List<Double> swapMillis = new ArrayList<>();
        List<Image> aligned = randomFaces(batch, size);
        try (Trainer trainer = new AutoencoderModel(settings).newTrainer(); Swapper swapper = trainer.swapper()) {
            for (int step = 0; step < WARMUP + steps; step++) {
                long start = System.nanoTime();
                trainer.step(faces, faces); // returns the losses as numbers: the step has finished on the device
                if (step >= WARMUP) {
                    stepMillis.add((System.nanoTime() - start) / 1e6);
                }
            }
            for (int call = 0; call < WARMUP + steps; call++) {
                long start = System.nanoTime();
                swapper.swap(aligned, Direction.A_TO_B); // back as images: finished too
                if (call >= WARMUP) {
                    swapMillis.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        double step = median(stepMillis);
        double swap = median(swapMillis);
        System.out.printf(Locale.ROOT, "train step (%s: %s; batch %d per side, FP32): median %.1f ms, %.0f samples/s (both sides: %d faces a step)%n",
                label, settings.describe(), batch, step, 2000.0 * batch / step, 2 * batch);
        System.out.printf(Locale.ROOT, "swap (%s, %d aligned faces a call, with the image conversion): median %.1f ms, %.0f faces/s%n", label,
                batch, swap, 1000.0 * batch / swap);
    }

    private static String gpu(Device device) {
        var memory = CudaUtils.getGpuMemory(device);
        return String.format(Locale.ROOT, " (compute capability %s, CUDA %s, %d MiB)", CudaUtils.getComputeCapability(device.getDeviceId()),
                CudaUtils.getCudaVersionString(), memory.getMax() >> 20);
    }

    /** Random faces, with eye, mouth and face masks (a preset's loss may weigh regions or learn the mask). */
    private static FaceBatch randomBatch(int batch, int size) {
        Random random = new Random(0);
        float[] warped = new float[batch * size * size * 3];
        float[] target = new float[warped.length];
        for (int i = 0; i < warped.length; i++) {
            warped[i] = random.nextFloat();
            target[i] = random.nextFloat();
        }
        float[][] masks = new float[3][batch * size * size];
        for (float[] mask : masks) {
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextInt(2);
            }
        }
        return new FaceBatch(batch, size, warped, target, masks[0], masks[1], masks[2]);
    }

    private static List<Image> randomFaces(int count, int size) {
        Random random = new Random(1);
        List<Image> faces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] pixels = new byte[size * size * 3];
            random.nextBytes(pixels);
            faces.add(new Image(size, size, ChannelOrder.RGB, pixels));
        }
        return faces;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
