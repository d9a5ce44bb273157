package dev.faceswap4j.api;

/**
 * What a run asks of a trainer beyond its model's own settings.
 *
 * @param seed the run's seed ({@code train.seed}, or the one the loop drew): with it a trainer seeds its weight
 *     initialisation and any randomness of its steps, unless its model names a seed of its own
 * @param clipping how gradients are clipped before each optimizer update
 */
public record TrainerOptions(long seed, GradientClipping clipping) {

    /** Seed 0 (the model's own, or a new one each time) and no clipping. */
    public static final TrainerOptions DEFAULT = new TrainerOptions(0, GradientClipping.NONE);

    public TrainerOptions {
        if (clipping == null) {
            throw new IllegalArgumentException("clipping must not be null (GradientClipping.NONE)");
        }
    }
}
