package dev.faceswap4j.model.autoencoder;

import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.SwapModelProvider;
import dev.faceswap4j.api.StageContext;

/** Provider of {@code model = autoencoder}. */
public final class AutoencoderProvider implements SwapModelProvider {

    @Override
    public String name() {
        return "autoencoder";
    }

    @Override
    public String description() {
        return "classic deepfake autoencoder: shared encoder, decoders A and B, 64x64, MAE (DJL/PyTorch)";
    }

    @Override
    public SwapModel create(StageContext context) {
        return new AutoencoderModel(AutoencoderSettings.from(context.settings()));
    }
}
