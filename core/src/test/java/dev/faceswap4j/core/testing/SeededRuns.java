package dev.faceswap4j.core.testing;

import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.core.train.Augmentation;
import dev.faceswap4j.core.train.LossLog;
import dev.faceswap4j.core.train.TrainSettings;
import dev.faceswap4j.core.train.TrainingLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs of the training loop on the sample photos' real faces, as `faceswap4j train` makes them, for the model plugins' tests. */
public final class SeededRuns {

    private SeededRuns() {}

    /**
     * Trains {@code model} for {@code iterations} at batch 4 with {@code seed} (two batch threads per side, as by
     * default) into {@code dir}; returns its {@code losses.csv} without the last column, the wall-clock seconds.
     */
    public static List<String> losses(String name, SwapModel model, long seed, int iterations, Path dir) {
        TrainSettings settings = new TrainSettings(iterations, 4, 1000, 1000, 0, 2, seed, new Augmentation(10, 0.05, 0.05, 0.4, 5, 200));
        new TrainingLoop(new TrainingLoop.Inputs(name, model, TestBatches.faces(), TestBatches.faces(), 48, dir, false), settings, false).run();
        try {
            return Files.readAllLines(dir.resolve(LossLog.FILE_NAME)).stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
