package dev.faceswap4j.model.autoencoder;

import dev.faceswap4j.djl.AdamSettings;
import dev.faceswap4j.djl.ConvBlocks.Upscale;
import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import java.util.List;

/** The architecture, loss and optimizer settings of {@code faceswap4j.models.autoencoder}. */
public record AutoencoderSettings(String device, int faceSize, List<Integer> encoderFilters, int encoderDim,
        int bottleneckFilters, List<Integer> decoderFilters, AdamSettings adam, int seed, FaceLoss loss, boolean learnMask, Upscale upscale) {

    /** Up-scaling as the classic network: nearest, then a convolution. */
    public AutoencoderSettings(String device, int faceSize, List<Integer> encoderFilters, int encoderDim,
            int bottleneckFilters, List<Integer> decoderFilters, AdamSettings adam, int seed, FaceLoss loss, boolean learnMask) {
        this(device, faceSize, encoderFilters, encoderDim, bottleneckFilters, decoderFilters, adam, seed, loss, learnMask, Upscale.NEAREST);
    }

    /** Without a mask channel. */
    public AutoencoderSettings(String device, int faceSize, List<Integer> encoderFilters, int encoderDim,
            int bottleneckFilters, List<Integer> decoderFilters, AdamSettings adam, int seed, FaceLoss loss) {
        this(device, faceSize, encoderFilters, encoderDim, bottleneckFilters, decoderFilters, adam, seed, loss, false);
    }

    /** With the original's plain mean absolute error. */
    public AutoencoderSettings(String device, int faceSize, List<Integer> encoderFilters, int encoderDim,
            int bottleneckFilters, List<Integer> decoderFilters, AdamSettings adam, int seed) {
        this(device, faceSize, encoderFilters, encoderDim, bottleneckFilters, decoderFilters, adam, seed, FaceLoss.MAE);
    }

    private static final String SECTION = "faceswap4j.models.autoencoder";

    public AutoencoderSettings {
        // Checkpoints written before the loss was configurable trained with plain MAE.
        loss = loss == null ? FaceLoss.MAE : loss;
        // Checkpoints written before up-scaling was configurable up-sampled nearest.
        upscale = upscale == null ? Upscale.NEAREST : upscale;
        encoderFilters = List.copyOf(encoderFilters);
        decoderFilters = List.copyOf(decoderFilters);
        if (!List.of("auto", "cpu", "gpu").contains(device)) {
            throw new FaceswapException(SECTION + ".device must be auto, cpu or gpu, got '" + device + "'");
        }
        if (encoderFilters.size() != 4) {
            throw new FaceswapException(SECTION + ".encoder-filters needs 4 entries (64 -> 4 px), got " + encoderFilters);
        }
        // The encoder halves the face four times and its up-sample doubles once; the decoders double per entry.
        if (faceSize % 16 != 0 || faceSize <= 0 || (1 << (decoderFilters.size() + 1)) * (faceSize / 16) != faceSize) {
            throw new FaceswapException(SECTION + ".face-size " + faceSize + " does not fit " + decoderFilters.size()
                    + " decoder up-samples; use a multiple of 16 with 3 decoder-filters entries");
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
                upscale(section.getString("upscale")));
    }

    private static Upscale upscale(String name) {
        Upscale mode = Upscale.byName(name);
        if (mode == null) {
            throw new FaceswapException(SECTION + ".upscale must be nearest or pixel-shuffle, got '" + name + "'");
        }
        return mode;
    }

    /** A short description for messages: the widths and face size. */
    public String describe() {
        return faceSize + " px, encoder " + encoderFilters + "/" + encoderDim + "/" + bottleneckFilters + ", decoders " + decoderFilters
                + (upscale == Upscale.NEAREST ? "" : ", " + upscale.configName() + " up-scaling") + (learnMask ? " with a mask channel" : "");
    }

    /** Whether weights saved with {@code other} fit this network (optimizer and device may differ). */
    public boolean sameNetwork(AutoencoderSettings other) {
        return faceSize == other.faceSize && encoderFilters.equals(other.encoderFilters) && encoderDim == other.encoderDim
                && bottleneckFilters == other.bottleneckFilters && decoderFilters.equals(other.decoderFilters) && learnMask == other.learnMask
                && upscale == other.upscale;
    }

    /** Channels each decoder returns: RGB, and the mask when it learns one. */
    public int outputChannels() {
        return learnMask ? 4 : 3;
    }

    /** Side of the encoder's dense output before its up-sample. */
    public int bottleneckSize() {
        return faceSize / 16;
    }
}
