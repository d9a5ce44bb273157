package dev.faceswap4j.core.train;

import com.typesafe.config.Config;
import static dev.faceswap4j.core.config.WholeNumbers.intOf;
import static dev.faceswap4j.core.config.WholeNumbers.longOf;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.GradientClipping;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code faceswap4j.train}: how long and how to train, what to write on the way, and how a long run is kept stable
 * (gradient clipping, the spike and NaN guard).
 */
public record TrainSettings(long iterations, int batchSize, int checkpointEvery, int previewEvery, int previewFaces,
        int loaderThreads, long seed, Augmentation augmentation, double minutes, double anneal, Stability stability) {

    /** Gradient clipping, and the guard that takes a run back to its last good checkpoint. */
    public record Stability(GradientClipping clipping, TrainingGuard.Settings guard) {

        /** No clipping; only a non-finite loss rolls back. */
        public static final Stability NONE = new Stability(GradientClipping.NONE, TrainingGuard.Settings.OFF);

        static Stability from(Config train) {
            String mode = train.getString("clip");
            GradientClipping.Mode clip = Arrays.stream(GradientClipping.Mode.values()).filter(m -> m.configName().equals(mode)).findFirst()
                    .orElseThrow(() -> new FaceswapException("faceswap4j.train.clip must be none, norm or auto, got '" + mode + "'"));
            return new Stability(new GradientClipping(clip, train.getDouble("clip-norm"), train.getDouble("clip-percentile"),
                    train.getInt("clip-history")), TrainingGuard.Settings.from(train.getConfig("guard")));
        }

        /** For the log: how gradients are clipped. */
        public String describeClipping() {
            return switch (clipping.mode()) {
                case NONE -> "no gradient clipping";
                case NORM -> "gradients clipped at norm " + clipping.norm();
                case AUTO -> String.format(Locale.ROOT, "gradients clipped at the %s percentile of the last %d norms (AutoClip)",
                        clipping.percentile(), clipping.history());
            };
        }
    }

    /** A constant learning rate, no time budget. */
    public TrainSettings(long iterations, int batchSize, int checkpointEvery, int previewEvery, int previewFaces,
            int loaderThreads, long seed, Augmentation augmentation) {
        this(iterations, batchSize, checkpointEvery, previewEvery, previewFaces, loaderThreads, seed, augmentation, 0, 0, Stability.NONE);
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
                train.getDouble("anneal"), Stability.from(train));
    }

    public TrainSettings withIterations(long value) {
        return new TrainSettings(value, batchSize, checkpointEvery, previewEvery, previewFaces, loaderThreads, seed, augmentation, minutes, anneal, stability);
    }

    public TrainSettings withMinutes(double value) {
        return new TrainSettings(iterations, batchSize, checkpointEvery, previewEvery, previewFaces, loaderThreads, seed, augmentation, value, anneal, stability);
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
        return new TrainSettings(iterations, value, checkpointEvery, previewEvery, previewFaces, loaderThreads, seed, augmentation, minutes, anneal, stability);
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new FaceswapException("faceswap4j.train." + key + " must be positive, got " + value);
        }
    }
}
