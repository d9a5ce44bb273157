package dev.faceswap4j.model.autoencoder;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code model = autoencoder}: the classic shared-encoder deepfake model on DJL's PyTorch engine. */
public final class AutoencoderModel implements SwapModel {

    private static final Logger log = LoggerFactory.getLogger(AutoencoderModel.class);

    private final AutoencoderSettings settings;

    public AutoencoderModel(AutoencoderSettings settings) {
        this.settings = settings;
    }

    @Override
    public int faceSize() {
        return settings.faceSize();
    }

    @Override
    public Trainer newTrainer() {
        Engine engine = PyTorchEngines.pytorch();
        return new AutoencoderTrainer(settings, engine, device(engine));
    }

    @Override
    public Swapper loadSwapper(Path dir) {
        // The saved architecture wins over the configured one: a model is converted with what it was trained as.
        AutoencoderSettings saved = TrainerState.read(dir).settings();
        Engine engine = PyTorchEngines.pytorch();
        return PyTorchEngines.withOwnedManager(engine, device(engine), manager -> {
            SharedAutoencoder network = SharedAutoencoder.load(saved, manager, dir);
            return new NetworkSwapper(saved.faceSize(), (faces, a) -> network.render(faces, a, false), manager, true);
        });
    }

    private Device device(Engine engine) {
        Device device = PyTorchEngines.device(engine, settings.device(), "faceswap4j.models.autoencoder.device");
        log.info("autoencoder on {} ({})", device, settings.describe());
        return device;
    }
}
