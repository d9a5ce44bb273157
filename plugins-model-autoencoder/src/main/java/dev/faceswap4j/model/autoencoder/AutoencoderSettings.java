package dev.faceswap4j.model.autoencoder;

import dev.faceswap4j.djl.AdamSettings;
import dev.faceswap4j.djl.ConvBlocks.Upscale;
import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.djl.PyTorchEngines;
import java.util.List;

/**
 * The architecture, loss and optimizer settings of {@code faceswap4j.models.autoencoder}.
 *
 * <p>The layout scales with the face: the encoder halves the face once per {@code encoderFilters} entry down to the
 * bottleneck's side, the dense bottleneck works there (its weights grow with the square of that side, not of the
 * face's), one up-scale doubles it, and each decoder doubles it once per {@code decoderFilters} entry back to the
 * face, with {@code residualBlocks} residual blocks after each of those up-scales (0: the classic deepfakes network;
 * 1: DeepFaceLab's SAEHD decoders).
 */
public record AutoencoderSettings(String device, int faceSize, List<Integer> encoderFilters, int encoderDim,
        int bottleneckFilters, List<Integer> decoderFilters, AdamSettings adam, int seed, FaceLoss loss, boolean learnMask, Upscale upscale,
        int residualBlocks) {

    /** The classic network's blocks (plain MAE, no mask channel, nearest up-sampling, no residual blocks) at these widths. */
    public AutoencoderSettings(String device, int faceSize, List<Integer> encoderFilters, int encoderDim,
            int bottleneckFilters, List<Integer> decoderFilters, AdamSettings adam, int seed) {
        this(device, faceSize, encoderFilters, encoderDim, bottleneckFilters, decoderFilters, adam, seed, FaceLoss.MAE, false, Upscale.NEAREST, 0);
    }

    private static final String SECTION = "faceswap4j.models.autoencoder";

    public AutoencoderSettings {
        // Checkpoints written before the loss was configurable trained with plain MAE.
        loss = loss == null ? FaceLoss.MAE : loss;
        // Checkpoints written before up-scaling was configurable up-sampled nearest.
        upscale = upscale == null ? Upscale.NEAREST : upscale;
        encoderFilters = List.copyOf(encoderFilters);
        decoderFilters = List.copyOf(decoderFilters);
        PyTorchEngines.checkDevice(device, SECTION + ".device");
        int halvings = encoderFilters.size();
        if (halvings < 2 || faceSize <= 0 || faceSize % (1 << halvings) != 0 || faceSize >> halvings < 2) {
            throw new FaceswapException(SECTION + ".face-size " + faceSize + " with " + halvings + " encoder-filters entries: the encoder"
                    + " halves the face once per entry (at least 2) to a side of 2 px or more; 64 px takes 4 entries, 128 px 4 or 5, 256 px 5");
        }
        if (decoderFilters.size() != halvings - 1) {
            throw new FaceswapException(SECTION + ".decoder-filters needs " + (halvings - 1) + " entries for " + halvings
                    + " encoder-filters entries (the bottleneck doubles the side once, each decoder entry once more), got " + decoderFilters);
        }
        if (residualBlocks < 0) {
            throw new FaceswapException(SECTION + ".residual-blocks must not be negative, got " + residualBlocks);
        }
    }

    /** The classic network at 64×64 with the original optimizer settings. */
    public static AutoencoderSettings classic() {
        return new AutoencoderSettings("auto", 64, List.of(128, 256, 512, 1024), 1024, 512, List.of(256, 128, 64),
                new AdamSettings(5e-5f, 0.5f, 0.999f, 1e-7f), 0);
    }

    public static AutoencoderSettings from(Config section) {
        return new AutoencoderSettings(section.getString("device"), section.getInt("face-size"),
                section.getIntList("encoder-filters"), section.getInt("encoder-dim"), section.getInt("bottleneck-filters"),
                section.getIntList("decoder-filters"),
                new AdamSettings((float) section.getDouble("learning-rate"), (float) section.getDouble("beta1"),
                        (float) section.getDouble("beta2"), (float) section.getDouble("epsilon")),
                section.getInt("seed"), FaceLoss.from(section.getConfig("loss")), section.getBoolean("learn-mask"),
                Upscale.parse(section.getString("upscale"), SECTION + ".upscale"), section.getInt("residual-blocks"));
    }

    /** A short description for messages: the widths and face size. */
    public String describe() {
        return faceSize + " px, encoder " + encoderFilters + "/" + encoderDim + "/" + bottleneckFilters + ", decoders " + decoderFilters
                + (residualBlocks == 0 ? "" : " with " + residualBlocks + " residual block" + (residualBlocks == 1 ? "" : "s") + " each")
                + (upscale == Upscale.NEAREST ? "" : ", " + upscale.configName() + " up-scaling") + (learnMask ? " with a mask channel" : "");
    }

    public AutoencoderSettings withAdam(AdamSettings value) {
        return new AutoencoderSettings(device, faceSize, encoderFilters, encoderDim, bottleneckFilters, decoderFilters, value, seed, loss, learnMask,
                upscale, residualBlocks);
    }

    public AutoencoderSettings withLoss(FaceLoss value) {
        return new AutoencoderSettings(device, faceSize, encoderFilters, encoderDim, bottleneckFilters, decoderFilters, adam, seed, value, learnMask,
                upscale, residualBlocks);
    }

    public AutoencoderSettings withLearnMask(boolean value) {
        return new AutoencoderSettings(device, faceSize, encoderFilters, encoderDim, bottleneckFilters, decoderFilters, adam, seed, loss, value,
                upscale, residualBlocks);
    }

    public AutoencoderSettings withUpscale(Upscale value) {
        return new AutoencoderSettings(device, faceSize, encoderFilters, encoderDim, bottleneckFilters, decoderFilters, adam, seed, loss, learnMask,
                value, residualBlocks);
    }

    public AutoencoderSettings withResidualBlocks(int value) {
        return new AutoencoderSettings(device, faceSize, encoderFilters, encoderDim, bottleneckFilters, decoderFilters, adam, seed, loss, learnMask,
                upscale, value);
    }

    /** Whether weights saved with {@code other} fit this network (optimizer and device may differ). */
    public boolean sameNetwork(AutoencoderSettings other) {
        return faceSize == other.faceSize && encoderFilters.equals(other.encoderFilters) && encoderDim == other.encoderDim
                && bottleneckFilters == other.bottleneckFilters && decoderFilters.equals(other.decoderFilters) && learnMask == other.learnMask
                && upscale == other.upscale && residualBlocks == other.residualBlocks;
    }

    /** Channels each decoder returns: RGB, and the mask when it learns one. */
    public int outputChannels() {
        return learnMask ? 4 : 3;
    }

    /** Side of the encoder's dense output before its up-sample. */
    public int bottleneckSize() {
        return faceSize >> encoderFilters.size();
    }
}
