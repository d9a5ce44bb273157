package dev.faceswap4j.model.autoencoder;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.api.TrainerOptions;
import dev.faceswap4j.djl.DjlSwapModel;
import dev.faceswap4j.djl.NetworkSwapper;
import java.nio.file.Path;

/** {@code model = autoencoder}: the classic shared-encoder deepfake model on DJL's PyTorch engine. */
public final class AutoencoderModel extends DjlSwapModel {

    private final AutoencoderSettings settings;

    public AutoencoderModel(AutoencoderSettings settings) {
        super(new Description("autoencoder", settings.faceSize(), settings.device(), "faceswap4j.models.autoencoder.device",
                settings.describe()));
        this.settings = settings;
    }

    @Override
    protected Trainer newTrainer(Engine engine, Device device, TrainerOptions options) {
        return new AutoencoderTrainer(settings, options, engine, device);
    }

    @Override
    protected Swapper loadSwapper(Path dir, NDManager manager) {
        AutoencoderSettings saved = TrainerState.read(dir).settings();
        SharedAutoencoder network = SharedAutoencoder.load(saved, manager, dir);
        return new NetworkSwapper(saved.faceSize(), (faces, a) -> network.render(faces, a, false), manager, true, saved.learnMask());
    }

    @Override
    protected String savedArchitecture(Path dir) {
        return TrainerState.read(dir).settings().describe();
    }
}
