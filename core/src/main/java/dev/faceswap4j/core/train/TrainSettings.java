package dev.faceswap4j.core.train;

import com.typesafe.config.Config;
import static dev.faceswap4j.core.config.WholeNumbers.intOf;
import static dev.faceswap4j.core.config.WholeNumbers.longOf;

import dev.faceswap4j.api.FaceswapException;

/** {@code faceswap4j.train}: how long and how to train, and what to write on the way. */
public record TrainSettings(long iterations, int batchSize, int checkpointEvery, int previewEvery, int previewFaces,
        int loaderThreads, long seed, Augmentation augmentation, double minutes, double anneal) {

    /** A constant learning rate, no time budget. */
    public TrainSettings(long iterations, int batchSize, int checkpointEvery, int previewEvery, int previewFaces,
            int loaderThreads, long seed, Augmentation augmentation) {
        this(iterations, batchSize, checkpointEvery, previewEvery, previewFaces, loaderThreads, seed, augmentation, 0, 0);
    }

    public TrainSettings {
        positive("iterations", iterations);
        positive("batch-size", batchSize);
        positive("checkpoint-every", checkpointEvery);
        positive("preview-every", previewEvery);
        positive("loader-threads", loaderThreads);
        if (minutes < 0) {
            throw new FaceswapException("faceswap4j.train.minutes must not be negative, got " + minutes);
        }
        if (anneal < 0 || anneal > 1) {
            throw new FaceswapException("faceswap4j.train.anneal must be in [0, 1], got " + anneal);
        }
        if (previewFaces < 0) {
            throw new FaceswapException("faceswap4j.train.preview-faces must not be negative, got " + previewFaces);
        }
    }

    /** Where these settings live in the config. */
    public static final String SECTION = "faceswap4j.train";

    /** From the {@link #SECTION} of a loaded config. */
    public static TrainSettings from(Config train) {
        return new TrainSettings(longOf(train, SECTION, "iterations"), intOf(train, SECTION, "batch-size"), intOf(train, SECTION, "checkpoint-every"),
                intOf(train, SECTION, "preview-every"), intOf(train, SECTION, "preview-faces"), intOf(train, SECTION, "loader-threads"),
                longOf(train, SECTION, "seed"),
                Augmentation.from(train.getConfig("augmentation")), train.getDouble("minutes"),
                train.getDouble("anneal"));
    }

    public TrainSettings withIterations(long value) {
        return new TrainSettings(value, batchSize, checkpointEvery, previewEvery, previewFaces, loaderThreads, seed, augmentation, minutes, anneal);
    }

    public TrainSettings withMinutes(double value) {
        return new TrainSettings(iterations, batchSize, checkpointEvery, previewEvery, previewFaces, loaderThreads, seed, augmentation, value, anneal);
    }

    /**
     * The learning-rate factor of a run {@code done} of the way to its end (0..1, by iterations or by the time
     * budget, whichever is further): 1 until the last {@link #anneal} of the run, then falling linearly to 0.
     */
    public double learningRateFactor(double done) {
        double left = 1 - Math.min(1, Math.max(0, done));
        return anneal == 0 || left >= anneal ? 1 : left / anneal;
    }

    /** Whether a run of this long has used its time budget ({@link #minutes}; 0 = none). */
    public boolean timeUp(double seconds) {
        return minutes > 0 && seconds >= minutes * 60;
    }

    public TrainSettings withBatchSize(int value) {
        return new TrainSettings(iterations, value, checkpointEvery, previewEvery, previewFaces, loaderThreads, seed, augmentation, minutes, anneal);
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new FaceswapException("faceswap4j.train." + key + " must be positive, got " + value);
        }
    }
}
