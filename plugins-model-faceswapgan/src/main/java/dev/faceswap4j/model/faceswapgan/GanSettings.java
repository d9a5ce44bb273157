package dev.faceswap4j.model.faceswapgan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.djl.PyTorchEngines;
import dev.faceswap4j.djl.AdamSettings;
import dev.faceswap4j.djl.ConvBlocks.Upscale;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The architecture, optimizer and loss settings of {@code faceswap4j.models.faceswap-gan}. A checkpoint's copy of an
 * earlier version still reads: it named the perceptual network's manifest (now a model file of the plugin) and had no
 * up-scale (its networks up-sampled nearest).
 */
@JsonIgnoreProperties({"recognitionManifest"})
public record GanSettings(String device, int faceSize, List<Integer> encoderFilters, int encoderDim, int bottleneckFilters,
        List<Integer> decoderFilters, List<Integer> decoderAttention, List<Integer> discriminatorFilters, AdamSettings generatorAdam,
        AdamSettings discriminatorAdam, double mixupAlpha, LossWeights weights, int seed, Upscale upscale) {

    /** Nearest up-sampling, as the networks of this plugin were first built. */
    public GanSettings(String device, int faceSize, List<Integer> encoderFilters, int encoderDim, int bottleneckFilters,
            List<Integer> decoderFilters, List<Integer> decoderAttention, List<Integer> discriminatorFilters, AdamSettings generatorAdam,
            AdamSettings discriminatorAdam, double mixupAlpha, LossWeights weights, int seed) {
        this(device, faceSize, encoderFilters, encoderDim, bottleneckFilters, decoderFilters, decoderAttention, discriminatorFilters,
                generatorAdam, discriminatorAdam, mixupAlpha, weights, seed, Upscale.NEAREST);
    }

    static final String SECTION = "faceswap4j.models.faceswap-gan";

    /** Weights of the generator's loss terms (see reference.conf). */
    public record LossWeights(double adversarial, double reconstruction, double eyes, double edge, List<Double> perceptual,
            double mask, long maskWarmup, double maskFloor, double maskFaceFloor, double maskFaceWeight) {

        /** faceswap-GAN's mask schedule as it was: nothing holds the mask open inside the face after the warm-up. */
        public LossWeights(double adversarial, double reconstruction, double eyes, double edge, List<Double> perceptual, double mask,
                long maskWarmup, double maskFloor) {
            this(adversarial, reconstruction, eyes, edge, perceptual, mask, maskWarmup, maskFloor, 0, 0);
        }

        public LossWeights {
            perceptual = List.copyOf(perceptual);
            if (maskWarmup < 0 || maskFloor < 0 || maskFloor > 1 || maskFaceFloor < 0 || maskFaceFloor > 1) {
                throw new FaceswapException(SECTION + ".loss-weights: mask-warmup must be >= 0, mask-floor and mask-face-floor in [0, 1], got "
                        + maskWarmup + ", " + maskFloor + " and " + maskFaceFloor);
            }
            if (maskFaceWeight < 0) {
                throw new FaceswapException(SECTION + ".loss-weights.mask-face-weight must be >= 0, got " + maskFaceWeight);
            }
            if (perceptual.size() != 4) {
                throw new FaceswapException(SECTION + ".loss-weights.perceptual needs 4 entries (one per ResNet stage), got " + perceptual);
            }
        }

        boolean usesPerceptual() {
            return perceptual.stream().anyMatch(w -> w != 0);
        }
    }

    public GanSettings {
        upscale = upscale == null ? Upscale.NEAREST : upscale;
        encoderFilters = List.copyOf(encoderFilters);
        decoderFilters = List.copyOf(decoderFilters);
        decoderAttention = List.copyOf(decoderAttention);
        discriminatorFilters = List.copyOf(discriminatorFilters);
        PyTorchEngines.checkDevice(device, SECTION + ".device");
        // Checkpoints written before up-scaling was configurable up-sampled nearest.
        upscale = upscale == null ? Upscale.NEAREST : upscale;
        int halvings = encoderFilters.size();
        if (halvings < 3 || faceSize <= 0 || faceSize % (1 << halvings) != 0 || faceSize >> halvings < 2
                || decoderFilters.size() != halvings - 1) {
            throw new FaceswapException(SECTION + ".face-size " + faceSize + " with encoder-filters " + encoderFilters + " and decoder-filters "
                    + decoderFilters + ": the encoder halves the face once per entry (at least 3) to a side of 2 px or more, the decoders"
                    + " double it back with one entry fewer (64 px: 4 and 3 entries, 128 px: 4 and 3, 256 px: 5 and 4)");
        }
        int patchHalvings = Integer.numberOfTrailingZeros(faceSize / 8);
        if (faceSize % 8 != 0 || Integer.bitCount(faceSize / 8) != 1 || discriminatorFilters.size() != patchHalvings) {
            throw new FaceswapException(SECTION + ".face-size " + faceSize + " with discriminator-filters " + discriminatorFilters
                    + ": the discriminator halves the face to 8x8 patches, one entry a halving (64 px: 3 entries, 128 px: 4, 256 px: 5)");
        }
        if (mixupAlpha < 0) {
            throw new FaceswapException(SECTION + ".mixup-alpha must be 0 (plain LSGAN) or positive, got " + mixupAlpha);
        }
        // The decoders' up-scales draw at 4x the bottleneck's side, then 8x, ... up to the face.
        List<Integer> sides = java.util.stream.IntStream.range(0, decoderFilters.size()).mapToObj(i -> (faceSize >> halvings) * 2 << (i + 1))
                .toList();
        for (int side : decoderAttention) {
            if (!sides.contains(side)) {
                throw new FaceswapException(SECTION + ".decoder-attention lists sides of decoder outputs ("
                        + sides.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " px), got " + side);
            }
        }
    }

    public static GanSettings from(Config section) {
        Config w = section.getConfig("loss-weights");
        float beta1 = (float) section.getDouble("beta1");
        float beta2 = (float) section.getDouble("beta2");
        float epsilon = (float) section.getDouble("epsilon");
        return new GanSettings(section.getString("device"), section.getInt("face-size"), section.getIntList("encoder-filters"),
                section.getInt("encoder-dim"), section.getInt("bottleneck-filters"), section.getIntList("decoder-filters"),
                section.getIntList("decoder-attention"), section.getIntList("discriminator-filters"),
                new AdamSettings((float) section.getDouble("generator-learning-rate"), beta1, beta2, epsilon),
                new AdamSettings((float) section.getDouble("discriminator-learning-rate"), beta1, beta2, epsilon),
                section.getDouble("mixup-alpha"),
                new LossWeights(w.getDouble("adversarial"), w.getDouble("reconstruction"), w.getDouble("eyes"), w.getDouble("edge"),
                        w.getDoubleList("perceptual"), w.getDouble("mask"), w.getLong("mask-warmup"), w.getDouble("mask-floor"),
                        w.getDouble("mask-face-floor"), w.getDouble("mask-face-weight")),
                section.getInt("seed"), Upscale.parse(section.getString("upscale"), SECTION + ".upscale"));
    }

    /** A short description for messages: the widths and face size. */
    public String describe() {
        return faceSize + " px, encoder " + encoderFilters + "/" + encoderDim + "/" + bottleneckFilters + ", decoders " + decoderFilters
                + " (attention at " + decoderAttention + " px" + (upscale == Upscale.NEAREST ? "" : ", " + upscale.configName() + " up-scaling")
                + "), discriminators " + discriminatorFilters;
    }

    /** Whether weights saved with {@code other} fit this network (optimizer, losses and device may differ). */
    public boolean sameNetwork(GanSettings other) {
        return faceSize == other.faceSize && encoderFilters.equals(other.encoderFilters) && encoderDim == other.encoderDim
                && bottleneckFilters == other.bottleneckFilters && decoderFilters.equals(other.decoderFilters)
                && decoderAttention.equals(other.decoderAttention) && discriminatorFilters.equals(other.discriminatorFilters)
                && upscale == other.upscale;
    }

    int bottleneckSize() {
        return faceSize >> encoderFilters.size();
    }
}
