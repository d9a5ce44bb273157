package dev.faceswap4j.core.train;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Watches a run for the two ways a long training breaks: a loss that stops being a number, and a collapse — a
 * reconstruction loss that jumps far above where it was and stays there (one bad update can leave the shared
 * encoder broken; a noisy batch comes back at the next). It says when the run should go back to its last good
 * checkpoint, and whether a checkpoint written now could already hold the damage.
 */
public final class TrainingGuard {

    /**
     * {@code faceswap4j.train.guard}.
     *
     * @param spikeFactor a watched loss above this multiple of its median over the last {@code window} healthy
     *     iterations is suspect (0 = only non-finite losses roll back)
     * @param patience suspect this many iterations in a row: roll back
     * @param losses the losses watched (each model reports its reconstruction L1 as {@code loss_a} / {@code loss_b})
     * @param learningRateFactor the learning rate is multiplied by this at each roll-back
     * @param maxRollbacks roll-backs a run may make before it stops with an error
     */
    public record Settings(double spikeFactor, int window, int patience, List<String> losses, double learningRateFactor, int maxRollbacks) {

        static final Settings OFF = new Settings(0, 100, 50, List.of("loss_a", "loss_b"), 0.5, 3);

        public Settings {
            losses = List.copyOf(losses);
            if (spikeFactor != 0 && spikeFactor <= 1 || window < 2 || patience < 1 || !(learningRateFactor > 0 && learningRateFactor <= 1)
                    || maxRollbacks < 0) {
                throw new FaceswapException("faceswap4j.train.guard: spike-factor must be 0 (off) or above 1, window at least 2, patience"
                        + " at least 1, learning-rate-factor in (0, 1] and max-rollbacks not negative, got " + spikeFactor + ", " + window
                        + ", " + patience + ", " + learningRateFactor + " and " + maxRollbacks);
            }
        }

        static Settings from(Config guard) {
            return new Settings(guard.getDouble("spike-factor"), guard.getInt("window"), guard.getInt("patience"),
                    guard.getStringList("losses"), guard.getDouble("learning-rate-factor"), guard.getInt("max-rollbacks"));
        }
    }

    private final Settings settings;
    private final Map<String, ArrayDeque<Double>> healthy = new HashMap<>();
    private final Map<String, Integer> suspectFor = new HashMap<>();

    TrainingGuard(Settings settings) {
        this.settings = settings;
    }

    /** Takes one iteration's losses; the reason the run must go back to its last checkpoint, or empty. */
    Optional<String> observe(Map<String, Double> losses) {
        for (Map.Entry<String, Double> loss : losses.entrySet()) {
            if (!Double.isFinite(loss.getValue())) {
                return Optional.of(loss.getKey() + " became " + loss.getValue());
            }
        }
        if (settings.spikeFactor() == 0) {
            return Optional.empty();
        }
        for (String name : settings.losses()) {
            Double value = losses.get(name);
            if (value == null) {
                continue;
            }
            ArrayDeque<Double> window = healthy.computeIfAbsent(name, n -> new ArrayDeque<>());
            double median = median(window);
            // The baseline stays what it was before the jump: suspect values do not enter it.
            if (window.size() >= settings.window() / 2 && value > settings.spikeFactor() * median) {
                int iterations = suspectFor.merge(name, 1, Integer::sum);
                if (iterations >= settings.patience()) {
                    return Optional.of(String.format(Locale.ROOT, "%s %.4f stayed above %s x its median %.4f for %d iterations", name, value,
                            format(settings.spikeFactor()), median, iterations));
                }
                continue;
            }
            suspectFor.remove(name);
            window.addLast(value);
            if (window.size() > settings.window()) {
                window.removeFirst();
            }
        }
        return Optional.empty();
    }

    /** Whether a watched loss is above its baseline now: a checkpoint written now may hold the damage, so it waits. */
    boolean suspect() {
        return !suspectFor.isEmpty();
    }

    /** Forgets the history (the run went back to a checkpoint). */
    void reset() {
        healthy.clear();
        suspectFor.clear();
    }

    private static double median(ArrayDeque<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
