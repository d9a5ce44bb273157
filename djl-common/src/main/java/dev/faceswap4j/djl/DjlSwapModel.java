package dev.faceswap4j.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.api.TrainerOptions;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A swap model on DJL's PyTorch engine: starts the engine offline, picks the device its {@code device} setting asks
 * for (saying so in the log), and gives a loaded swapper a manager of its own that is closed with it — or at once,
 * when loading fails.
 */
public abstract class DjlSwapModel implements SwapModel {

    private static final Logger log = LoggerFactory.getLogger(DjlSwapModel.class);

    /**
     * What the log and the engine need to know of a model.
     *
     * @param name for the log
     * @param faceSize side of the square faces it takes and returns
     * @param device auto|cpu|gpu, as configured
     * @param devicePath the config path the device setting was read from, for errors
     * @param architecture the configured architecture in a few words
     */
    public record Description(String name, int faceSize, String device, String devicePath, String architecture) {}

    private final Description description;

    protected DjlSwapModel(Description description) {
        this.description = description;
    }

    @Override
    public final int faceSize() {
        return description.faceSize();
    }

    @Override
    public final Trainer newTrainer(TrainerOptions options) {
        Engine engine = PyTorchEngines.pytorch();
        return newTrainer(engine, device(engine, description.architecture()), options);
    }

    @Override
    public final Swapper loadSwapper(Path dir) {
        Engine engine = PyTorchEngines.pytorch();
        return PyTorchEngines.withOwnedManager(engine, device(engine, savedArchitecture(dir)), manager -> loadSwapper(dir, manager));
    }

    /** A fresh trainer on {@code device}. */
    protected abstract Trainer newTrainer(Engine engine, Device device, TrainerOptions options);

    /**
     * The seed a trainer initialises its weights with: the model's own {@code seed} setting where it names one, else
     * the run's (0: none, a different model every time). Seeds the engine's generator with it.
     */
    public static long seedEngine(Engine engine, int modelSeed, TrainerOptions options) {
        long seed = modelSeed != 0 ? modelSeed : options.seed();
        if (seed != 0) {
            engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
        }
        return seed;
    }

    /**
     * The checkpoint in {@code dir} as a swapper that owns {@code manager}, built with the architecture the checkpoint
     * saved (not the configured one: a model is converted with what it was trained as).
     */
    protected abstract Swapper loadSwapper(Path dir, NDManager manager);

    /** The architecture the checkpoint in {@code dir} saved, in a few words (the log names what is loaded, not what is configured). */
    protected abstract String savedArchitecture(Path dir);

    private Device device(Engine engine, String architecture) {
        Device device = PyTorchEngines.device(engine, description.device(), description.devicePath());
        log.info("{} on {} ({})", description.name(), device, architecture);
        return device;
    }
}
