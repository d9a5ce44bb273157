package dev.faceswap4j.api;

import java.util.Locale;

/**
 * Gradient-norm clipping ({@code faceswap4j.train.clip}), per optimizer update: the gradients of the parameters one
 * update moves are scaled down together when their global L2 norm exceeds a threshold. {@code NORM}: a fixed
 * threshold ({@code norm}); {@code AUTO}: AutoClip (Seetharaman et al. 2020, as faceswap's), the {@code percentile}
 * of the norms seen in the last {@code history} updates, the current one included.
 */
public record GradientClipping(Mode mode, double norm, double percentile, int history) {

    public enum Mode {
        NONE, NORM, AUTO;

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final GradientClipping NONE = new GradientClipping(Mode.NONE, 1, 10, 10_000);

    public GradientClipping {
        if (mode == null || !(norm > 0) || !(percentile > 0 && percentile <= 100) || history < 1) {
            throw new FaceswapException("faceswap4j.train.clip: clip-norm must be positive, clip-percentile in (0, 100] and clip-history"
                    + " at least 1, got " + norm + ", " + percentile + " and " + history);
        }
    }
}
