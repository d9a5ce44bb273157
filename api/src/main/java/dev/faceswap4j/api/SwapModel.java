package dev.faceswap4j.api;

import java.nio.file.Path;

/** A face-swap model architecture: creates trainers and loads trained swappers. */
public interface SwapModel {

    /** Side of the square aligned face the model takes and returns, in pixels. */
    int faceSize();

    /** A freshly initialised model to train. */
    Trainer newTrainer();

    /** Loads a model saved by {@link Trainer#save} from {@code dir} for conversion. */
    Swapper loadSwapper(Path dir);
}
