package dev.faceswap4j.model.faceswapgan;

import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.api.StageContext;
import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.SwapModelProvider;
import dev.faceswap4j.toolkit.FaceRecognitionFiles;
import java.util.List;

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
    public SwapModel create(StageContext context) {
        // Checked (pinned checksum) only when a trainer with the perceptual loss asks: convert never reads it.
        return new GanModel(GanSettings.from(context.settings()), () -> context.modelFile("recognition-manifest"));
    }

    /** The perceptual loss runs face-api's recognition network (shared DJL module): its files, declared here too. */
    @Override
    public List<ModelFile> modelFiles() {
        return List.of(FaceRecognitionFiles.MANIFEST, FaceRecognitionFiles.WEIGHTS);
    }
}
