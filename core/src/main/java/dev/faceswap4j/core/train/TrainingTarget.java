package dev.faceswap4j.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code training.json} of a model folder: where the running training stops (iteration, and the time of its
 * minute budget, 0 = none), written when it starts, so a watcher can tell the time left.
 */
public record TrainingTarget(long iterations, long deadlineEpochMillis) {

    public static final String FILE_NAME = "training.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    void write(Path dir) {
        Path temp = dir.resolve("." + FILE_NAME + ".tmp");
        try {
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FaceswapException("cannot write " + dir.resolve(FILE_NAME) + ": " + Messages.firstLine(e), e);
        }
    }

    /** The target of {@code dir}'s latest training, if it wrote one and it is readable. */
    public static Optional<TrainingTarget> read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try {
            return Files.isRegularFile(file) ? Optional.of(JSON.readValue(file.toFile(), TrainingTarget.class)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Seconds until this target at {@code iterationsPerSecond} from {@code iteration} (the budget's end when sooner); NaN if unknown. */
    public double secondsLeft(long iteration, double iterationsPerSecond, long nowEpochMillis) {
        double byIterations = iterationsPerSecond > 0 ? Math.max(0, iterations - iteration) / iterationsPerSecond : Double.NaN;
        if (deadlineEpochMillis <= 0) {
            return byIterations;
        }
        double byBudget = Math.max(0, (deadlineEpochMillis - nowEpochMillis) / 1000.0);
        return Double.isNaN(byIterations) ? byBudget : Math.min(byIterations, byBudget);
    }
}
