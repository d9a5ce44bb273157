package dev.faceswap4j.model.faceswapgan;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.api.TrainerOptions;
import dev.faceswap4j.djl.DjlSwapModel;
import java.nio.file.Path;
import java.util.function.Supplier;

/** {@code model = faceswap-gan}: faceswap-GAN on DJL's PyTorch engine. */
public final class GanModel extends DjlSwapModel {

    private final GanSettings settings;
    private final Supplier<Path> recognitionManifest;

    /** {@code recognitionManifest}: the perceptual loss network's manifest, asked for only by a trainer that uses it. */
    public GanModel(GanSettings settings, Supplier<Path> recognitionManifest) {
        super(new Description("faceswap-GAN", settings.faceSize(), settings.device(), GanSettings.SECTION + ".device", settings.describe()));
        this.settings = settings;
        this.recognitionManifest = recognitionManifest;
    }

    @Override
    protected Trainer newTrainer(Engine engine, Device device, TrainerOptions options) {
        return new GanTrainer(settings, options, engine, device, recognitionManifest);
    }

    @Override
    protected Swapper loadSwapper(Path dir, NDManager manager) {
        GanSettings saved = GanState.read(dir).settings();
        GanNetworks networks = new GanNetworks(saved, manager);
        networks.load(dir, manager, false);
        return networks.swapper(manager, true);
    }

    @Override
    protected String savedArchitecture(Path dir) {
        return GanState.read(dir).settings().describe();
    }
}
