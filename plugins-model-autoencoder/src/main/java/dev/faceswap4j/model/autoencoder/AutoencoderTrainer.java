package dev.faceswap4j.model.autoencoder;

import dev.faceswap4j.djl.ResumableAdam;
import dev.faceswap4j.djl.NetworkSwapper;
import dev.faceswap4j.djl.FaceTensors;
import dev.faceswap4j.djl.BlockFiles;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.api.TrainerOptions;
import dev.faceswap4j.djl.DjlSwapModel;
import dev.faceswap4j.djl.UpdateStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains the shared autoencoder as the original did: per iteration, autoencoder A on (warped A → A),
 * then autoencoder B on (warped B → B), each with its own Adam (the encoder gets moments in both),
 * mean absolute error ({@link FaceLoss}: optionally with eye/mouth multipliers, a background weight, a DSSIM term
 * and the learned mask's error).
 */
final class AutoencoderTrainer implements Trainer {

    static final String STATE_FILE = "autoencoder.json";
    private static final String ADAM_A_FILE = "adam-a.bin";
    private static final String ADAM_B_FILE = "adam-b.bin";

    private final AutoencoderSettings settings;
    private final Engine engine;
    private final NDManager manager;
    private final SharedAutoencoder network;
    private final ResumableAdam adamA;
    private final ResumableAdam adamB;
    private final UpdateStatistics statistics = new UpdateStatistics();
    private long iteration;

    AutoencoderTrainer(AutoencoderSettings settings, TrainerOptions options, Engine engine, Device device) {
        this.settings = settings;
        this.engine = engine;
        this.manager = engine.newBaseManager(device);
        try {
            DjlSwapModel.seedEngine(engine, settings.seed(), options);
            this.network = SharedAutoencoder.create(settings, manager);
            network.allParameters().forEach(p -> p.getArray().setRequiresGradient(true));
            this.adamA = new ResumableAdam("a", settings.adam(), network.namedTrainableParameters(true), options.clipping(), manager);
            this.adamB = new ResumableAdam("b", settings.adam(), network.namedTrainableParameters(false), options.clipping(), manager);
        } catch (RuntimeException e) {
            // The network failed to build (a layout that does not fit, no memory): its arrays go with the manager.
            manager.close();
            throw e;
        }
    }

    @Override
    public Map<String, Double> step(FaceBatch a, FaceBatch b) {
        SideLoss lossA = trainSide(true, a, adamA);
        SideLoss lossB = trainSide(false, b, adamB);
        iteration++;
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_a", lossA.face());
        losses.put("loss_b", lossB.face());
        if (settings.learnMask()) {
            losses.put("mask_a", lossA.mask());
            losses.put("mask_b", lossB.mask());
        }
        return losses;
    }

    /** One side's plain face MAE and, with a mask channel, the mask's squared error. */
    private record SideLoss(double face, double mask) {}

    private SideLoss trainSide(boolean a, FaceBatch batch, ResumableAdam adam) {
        if (batch.faceSize() != settings.faceSize()) {
            throw new IllegalArgumentException("batch of " + batch.faceSize() + " px faces for a " + settings.faceSize() + " px model");
        }
        SideLoss loss = backward(a, batch);
        // A non-finite loss is the model's own divergence: the optimizer skips the update and the training loop's guard reports it.
        statistics.record(adam.name(), adam.step());
        return loss;
    }

    @Override
    public Map<String, Double> statistics() {
        return statistics.last();
    }

    private SideLoss backward(boolean a, FaceBatch batch) {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = engine.newGradientCollector()) {
            NDArray warped = FaceTensors.fromNhwc(scope, batch.warped(), batch.size(), batch.faceSize());
            NDArray target = FaceTensors.fromNhwc(scope, batch.target(), batch.size(), batch.faceSize());
            NDArray output = network.render(warped, a, true);
            FaceLoss.Terms terms = settings.loss().of(output, target, batch, scope);
            collector.backward(terms.total());
            return new SideLoss(terms.meanAbsoluteError().getFloat(), terms.maskError() == null ? Double.NaN : terms.maskError().getFloat());
        }
    }

    @Override
    public void scaleLearningRate(double factor) {
        adamA.scaleLearningRate(factor);
        adamB.scaleLearningRate(factor);
    }

    @Override
    public long iteration() {
        return iteration;
    }

    ResumableAdam adam(boolean a) {
        return a ? adamA : adamB;
    }

    SharedAutoencoder network() {
        return network;
    }

    @Override
    public Swapper swapper() {
        return new NetworkSwapper(settings.faceSize(), (faces, a) -> network.render(faces, a, false), manager, false, settings.learnMask());
    }

    @Override
    public void save(Path dir) {
        try {
            network.save(dir);
            BlockFiles.writeAdam(dir.resolve(ADAM_A_FILE), adamA);
            BlockFiles.writeAdam(dir.resolve(ADAM_B_FILE), adamB);
            new TrainerState(settings, iteration).write(dir);
        } catch (IOException e) {
            throw new FaceswapException("cannot write checkpoint into " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void load(Path dir) {
        TrainerState state = TrainerState.read(dir);
        if (!state.settings().sameNetwork(settings)) {
            throw new FaceswapException("checkpoint " + dir + " holds a " + state.settings().describe()
                    + " autoencoder, the configuration asks for " + settings.describe());
        }
        network.loadWeights(dir, manager);
        network.allParameters().forEach(p -> p.getArray().setRequiresGradient(true));
        BlockFiles.readAdam(dir.resolve(ADAM_A_FILE), adamA);
        BlockFiles.readAdam(dir.resolve(ADAM_B_FILE), adamB);
        iteration = state.iteration();
    }

    @Override
    public void close() {
        adamA.close();
        adamB.close();
        manager.close();
    }
}
