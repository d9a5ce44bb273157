package dev.faceswap4j.api;

import java.nio.file.Path;

/** A face-swap model architecture: creates trainers and loads trained swappers. */
public interface SwapModel {

    /** Side of the square aligned face the model takes and returns, in pixels. */
    int faceSize();

    /** A freshly initialised model to train, seeded and clipping as {@code options} say. */
    Trainer newTrainer(TrainerOptions options);

    /** A freshly initialised model to train, with {@link TrainerOptions#DEFAULT}. */
    default Trainer newTrainer() {
        return newTrainer(TrainerOptions.DEFAULT);
    }

    /** Loads a model saved by {@link Trainer#save} from {@code dir} for conversion. */
    Swapper loadSwapper(Path dir);
}
