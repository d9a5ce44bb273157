package dev.faceswap4j.model.faceswapgan;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.djl.AdamSettings;
import java.util.List;

/** The architecture, optimizer and loss settings of {@code faceswap4j.models.faceswap-gan}. */
public record GanSettings(String device, int faceSize, List<Integer> encoderFilters, int encoderDim, int bottleneckFilters,
        List<Integer> decoderFilters, List<Integer> decoderAttention, List<Integer> discriminatorFilters, AdamSettings generatorAdam,
        AdamSettings discriminatorAdam, double mixupAlpha, LossWeights weights, int seed) {

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
        encoderFilters = List.copyOf(encoderFilters);
        decoderFilters = List.copyOf(decoderFilters);
        decoderAttention = List.copyOf(decoderAttention);
        discriminatorFilters = List.copyOf(discriminatorFilters);
        if (!List.of("auto", "cpu", "gpu").contains(device)) {
            throw new FaceswapException(SECTION + ".device must be auto, cpu or gpu, got '" + device + "'");
        }
        if (encoderFilters.size() != 4 || decoderFilters.size() != 3) {
            throw new FaceswapException(SECTION + " needs 4 encoder-filters and 3 decoder-filters, got " + encoderFilters + " and "
                    + decoderFilters);
        }
        if (faceSize != 64 && faceSize != 128 || discriminatorFilters.size() != 3 + (faceSize == 128 ? 1 : 0)) {
            throw new FaceswapException(SECTION + ".face-size " + faceSize + " with discriminator-filters " + discriminatorFilters
                    + ": use 64 with 3 discriminator-filters entries (8x8 patches) or 128 with 4");
        }
        if (mixupAlpha < 0) {
            throw new FaceswapException(SECTION + ".mixup-alpha must be 0 (plain LSGAN) or positive, got " + mixupAlpha);
        }
        for (int side : decoderAttention) {
            if (side != faceSize && side != faceSize / 2 && side != faceSize / 4) {
                throw new FaceswapException(SECTION + ".decoder-attention lists sides of decoder outputs (" + faceSize / 4 + ", "
                        + faceSize / 2 + " or " + faceSize + " px), got " + side);
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
                section.getInt("seed"));
    }

    /** A short description for messages: the widths and face size. */
    public String describe() {
        return faceSize + " px, encoder " + encoderFilters + "/" + encoderDim + "/" + bottleneckFilters + ", decoders " + decoderFilters
                + " (attention at " + decoderAttention + " px), discriminators " + discriminatorFilters;
    }

    /** Whether weights saved with {@code other} fit this network (optimizer, losses and device may differ). */
    public boolean sameNetwork(GanSettings other) {
        return faceSize == other.faceSize && encoderFilters.equals(other.encoderFilters) && encoderDim == other.encoderDim
                && bottleneckFilters == other.bottleneckFilters && decoderFilters.equals(other.decoderFilters)
                && decoderAttention.equals(other.decoderAttention) && discriminatorFilters.equals(other.discriminatorFilters);
    }

    int bottleneckSize() {
        return faceSize / 16;
    }
}
