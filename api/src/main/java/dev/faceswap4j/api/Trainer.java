package dev.faceswap4j.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * One swap model being trained. The loop (batches, progress, checkpoints, stop on Ctrl-C) lives in
 * the runner; a model only supplies the step and its state.
 */
public interface Trainer extends AutoCloseable {

    /**
     * Separates a loss from a part of it in a loss name: {@code g_a.mask} is the mask term's share of {@code g_a}.
     * Parts go into {@code losses.csv} and are drawn apart from the main losses.
     */
    String PART_SEPARATOR = ".";

    /**
     * One iteration on a batch of each identity; returns named losses, e.g. {@code loss_a}, {@code loss_b},
     * main losses first, then any parts (see {@link #PART_SEPARATOR}).
     */
    Map<String, Double> step(FaceBatch a, FaceBatch b);

    /**
     * Separates what a figure measures from the network it belongs to in the name of a {@link #statistics()} entry:
     * {@code grad:g_a} is the gradient norm of generator A's update.
     */
    String STATISTIC_SEPARATOR = ":";

    /**
     * Figures of the last {@link #step} per optimizer update, for {@code losses.csv} (not losses): {@code grad:NAME}, the
     * global L2 norm of the gradients before clipping, and {@code update:NAME}, the size of the update relative to the
     * weights (‖Δw‖ / ‖w‖). Empty by default.
     */
    default Map<String, Double> statistics() {
        return Map.of();
    }

    /**
     * The model as trained so far, for previews; it sees later steps' weights and is valid until this
     * trainer is closed. Closing it does not close the trainer.
     */
    Swapper swapper();

    /**
     * Scales the learning rates of the following steps by {@code factor} (1 = as configured): the loop's schedule,
     * which anneals them towards the end of a run. A trainer without a learning rate ignores it.
     */
    default void scaleLearningRate(double factor) {}

    /** Iterations done so far, restored by {@link #load}. */
    long iteration();

    /** Writes weights and optimizer state into {@code dir} (which exists and is empty). */
    void save(Path dir);

    /** Restores what {@link #save} wrote, so that training continues exactly where it stopped. */
    void load(Path dir);

    @Override
    void close();
}
