package dev.faceswap4j.model.faceswapgan;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.api.TrainerOptions;
import dev.faceswap4j.djl.DjlSwapModel;
import dev.faceswap4j.djl.UpdateStatistics;
import dev.faceswap4j.djl.BlockFiles;
import dev.faceswap4j.djl.FaceTensors;
import dev.faceswap4j.djl.ResumableAdam;
import dev.faceswap4j.djl.recognition.FaceRecognitionNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains faceswap-GAN: per iteration and identity, one discriminator update (real pairs vs the
 * generator's current faces, mixup LSGAN by default) then one generator update against that
 * discriminator, A then B.
 * Four Adams (generator and discriminator per identity; the shared encoder gets moments in both
 * generators'), all saved with the checkpoint so a resumed run continues exactly.
 */
final class GanTrainer implements Trainer {

    private static final Logger log = LoggerFactory.getLogger(GanTrainer.class);

    private final GanSettings settings;
    private final Engine engine;
    private final NDManager manager;
    private final GanNetworks networks;
    private final FaceRecognitionNet recognition;
    private final GanLosses losses;
    private final Map<String, ResumableAdam> adams = new LinkedHashMap<>();
    private final UpdateStatistics statistics = new UpdateStatistics();
    /** The seed the weights were initialised with (the model's, else the run's; 0 = none): the mixup weights follow it too. */
    private final long seed;
    private long iteration;
    private boolean warnedNoEyes;

    GanTrainer(GanSettings settings, TrainerOptions options, Engine engine, Device device, Supplier<Path> recognitionManifest) {
        this.settings = settings;
        this.engine = engine;
        this.manager = engine.newBaseManager(device);
        try {
            this.seed = DjlSwapModel.seedEngine(engine, settings.seed(), options);
            this.recognition = settings.weights().usesPerceptual() ? FaceRecognitionNet.load(recognitionManifest.get(), manager) : null;
            this.losses = new GanLosses(settings.weights(), recognition);
            this.networks = new GanNetworks(settings, manager);
            networks.allParameters().forEach(p -> p.getArray().setRequiresGradient(true));
            for (boolean a : new boolean[] {true, false}) {
                adams.put(adamName(true, a), new ResumableAdam(networkName(true, a), settings.generatorAdam(), networks.generatorParameters(a),
                        options.clipping(), manager));
                adams.put(adamName(false, a), new ResumableAdam(networkName(false, a), settings.discriminatorAdam(),
                        networks.discriminatorParameters(a), options.clipping(), manager));
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The optimizer's file name in a checkpoint: {@code adam-g-a}. */
    private static String adamName(boolean generator, boolean a) {
        return "adam-" + (generator ? "g" : "d") + "-" + (a ? "a" : "b");
    }

    /** The network an optimizer moves, as the losses name it: {@code g_a}. */
    private static String networkName(boolean generator, boolean a) {
        return (generator ? "g" : "d") + "_" + (a ? "a" : "b");
    }

    @Override
    public Map<String, Double> step(FaceBatch a, FaceBatch b) {
        Map<String, Double> result = new LinkedHashMap<>();
        Map<String, Double> sideA = trainSide(true, a);
        Map<String, Double> sideB = trainSide(false, b);
        // loss_a / loss_b: L1 of the decoder's RGB against the target — the autoencoder's loss, so the curves compare.
        result.put("loss_a", sideA.get("loss"));
        result.put("loss_b", sideB.get("loss"));
        result.put("g_a", sideA.get("g"));
        result.put("g_b", sideB.get("g"));
        result.put("d_a", sideA.get("d"));
        result.put("d_b", sideB.get("d"));
        // Each weighted term of the generator's loss, so a curve shows which one drives it ("g_a.mask": a part of g_a).
        putParts(result, "g_a", sideA);
        putParts(result, "g_b", sideB);
        iteration++;
        return result;
    }

    private static void putParts(Map<String, Double> result, String loss, Map<String, Double> side) {
        GanLosses.TERMS.forEach(term -> result.put(loss + Trainer.PART_SEPARATOR + term, side.get(term)));
    }

    private Map<String, Double> trainSide(boolean a, FaceBatch batch) {
        if (batch.faceSize() != settings.faceSize()) {
            throw new IllegalArgumentException("batch of " + batch.faceSize() + " px faces for a " + settings.faceSize() + " px model");
        }
        Map<String, Double> result = new LinkedHashMap<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray warped = FaceTensors.fromNhwc(scope, batch.warped(), batch.size(), batch.faceSize());
            NDArray target = FaceTensors.fromNhwc(scope, batch.target(), batch.size(), batch.faceSize());
            if (!batch.hasEyes() && !warnedNoEyes) {
                log.warn("faces without {} (not from faceswap4j extract): no landmarks, so the eye and edge losses are off",
                        "alignments.json");
                warnedNoEyes = true;
            }
            NDArray eyes = batch.hasEyes() ? plane(scope, batch.eyes(), batch) : null;
            NDArray face = batch.hasFace() ? plane(scope, batch.face(), batch) : null;
            result.put("d", trainDiscriminator(a, warped, target));
            trainGenerator(a, warped, target, eyes, face, result);
        }
        return result;
    }

    /** One weight per pixel of each face of the batch, as (N, 1, H, W). */
    private static NDArray plane(NDManager scope, float[] values, FaceBatch batch) {
        return scope.create(values, new Shape(batch.size(), 1, batch.faceSize(), batch.faceSize()));
    }

    private double trainDiscriminator(boolean a, NDArray warped, NDArray target) {
        float loss;
        // The generator's current faces, detached: this update moves the discriminator only.
        NDArray output = networks.generate(warped, a, true).stopGradient();
        NDArray blended = GanLosses.blend(output, warped);
        NDArray raw = output.get(":, 0:3");
        // Drawn from the iteration (and seed), so a resumed run draws the same weights without saved state.
        float mixup = settings.mixupAlpha() == 0 ? -1
                : GanLosses.mixupWeight(new Random(31L * seed + 2 * iteration + (a ? 0 : 1)), settings.mixupAlpha());
        try (GradientCollector collector = engine.newGradientCollector()) {
            NDArray lossD = GanLosses.discriminator(face -> networks.discriminate(face, warped, a, true), target, blended, raw, mixup);
            collector.backward(lossD);
            loss = lossD.getFloat();
        }
        step(adams.get(adamName(false, a)));
        return loss;
    }

    private void trainGenerator(boolean a, NDArray warped, NDArray target, NDArray eyes, NDArray face, Map<String, Double> result) {
        try (GradientCollector collector = engine.newGradientCollector()) {
            NDArray output = networks.generate(warped, a, true);
            GanLosses.GeneratorTerms terms = losses.generator(output, warped, target, eyes, face,
                    image -> networks.discriminate(image, warped, a, true), iteration < settings.weights().maskWarmup());
            collector.backward(terms.total());
            result.put("g", (double) terms.total().getFloat());
            result.put("loss", (double) terms.reconstruction().getFloat());
            for (String term : GanLosses.TERMS) {
                NDArray part = terms.weighted().get(term);
                result.put(term, part == null ? 0.0 : (double) part.getFloat());
            }
        }
        step(adams.get(adamName(true, a)));
        // The generator's backward pass also reached the discriminator's weights: not an update of theirs.
        adams.get(adamName(false, a)).clearGradients();
    }

    private void step(ResumableAdam adam) {
        statistics.record(adam.name(), adam.step());
    }

    @Override
    public Map<String, Double> statistics() {
        return statistics.last();
    }

    @Override
    public void scaleLearningRate(double factor) {
        adams.values().forEach(adam -> adam.scaleLearningRate(factor));
    }

    @Override
    public long iteration() {
        return iteration;
    }

    GanNetworks networks() {
        return networks;
    }

    @Override
    public Swapper swapper() {
        return networks.swapper(manager, false);
    }

    @Override
    public void save(Path dir) {
        try {
            networks.save(dir);
            for (Map.Entry<String, ResumableAdam> adam : adams.entrySet()) {
                BlockFiles.writeAdam(dir.resolve(adam.getKey() + ".bin"), adam.getValue());
            }
            new GanState(settings, iteration).write(dir);
        } catch (IOException e) {
            throw new FaceswapException("cannot write checkpoint into " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void load(Path dir) {
        GanState state = GanState.read(dir);
        if (!state.settings().sameNetwork(settings)) {
            throw new FaceswapException("checkpoint " + dir + " holds a " + state.settings().describe()
                    + " faceswap-GAN, the configuration asks for " + settings.describe());
        }
        networks.load(dir, manager, true);
        networks.allParameters().forEach(p -> p.getArray().setRequiresGradient(true));
        for (Map.Entry<String, ResumableAdam> adam : adams.entrySet()) {
            BlockFiles.readAdam(dir.resolve(adam.getKey() + ".bin"), adam.getValue());
        }
        iteration = state.iteration();
    }

    @Override
    public void close() {
        adams.values().forEach(ResumableAdam::close);
        if (recognition != null) {
            recognition.close();
        }
        manager.close();
    }
}
