package dev.faceswap4j.model.faceswapgan;

import com.typesafe.config.Config;
import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.SwapModelProvider;

/** Provider of {@code model = faceswap-gan}. */
public final class GanProvider implements SwapModelProvider {

    @Override
    public String name() {
        return "faceswap-gan";
    }

    @Override
    public String description() {
        return "faceswap-GAN: self-attention autoencoder with alpha masks, PatchGAN discriminators, perceptual and eye losses (DJL/PyTorch)";
    }

    @Override
    public SwapModel create(Config settings) {
        return new GanModel(GanSettings.from(settings));
    }
}
