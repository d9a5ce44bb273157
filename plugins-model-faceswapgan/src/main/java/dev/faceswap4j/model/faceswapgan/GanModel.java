package dev.faceswap4j.model.faceswapgan;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.model.autoencoder.PyTorchEngines;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code model = faceswap-gan}: faceswap-GAN on DJL's PyTorch engine. */
public final class GanModel implements SwapModel {

    private static final Logger log = LoggerFactory.getLogger(GanModel.class);

    private final GanSettings settings;

    public GanModel(GanSettings settings) {
        this.settings = settings;
    }

    @Override
    public int faceSize() {
        return settings.faceSize();
    }

    @Override
    public Trainer newTrainer() {
        Engine engine = PyTorchEngines.pytorch();
        return new GanTrainer(settings, engine, device(engine));
    }

    @Override
    public Swapper loadSwapper(Path dir) {
        // The saved architecture wins over the configured one: a model is converted with what it was trained as.
        GanSettings saved = GanState.read(dir).settings();
        Engine engine = PyTorchEngines.pytorch();
        return PyTorchEngines.withOwnedManager(engine, device(engine), manager -> {
            GanNetworks networks = new GanNetworks(saved, manager);
            networks.load(dir, manager, false);
            return networks.swapper(manager, true);
        });
    }

    private Device device(Engine engine) {
        Device device = PyTorchEngines.device(engine, settings.device(), GanSettings.SECTION + ".device");
        log.info("faceswap-GAN on {} ({})", device, settings.describe());
        return device;
    }
}
