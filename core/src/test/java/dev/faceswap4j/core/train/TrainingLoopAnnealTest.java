package dev.faceswap4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.testing.TestFaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's learning-rate schedule as a trainer sees it, on batches of real faces. */
class TrainingLoopAnnealTest {

    @TempDir
    Path root;

    @Test
    void theLastFractionOfARunFallsLinearlyTowardsZero() {
        List<Double> factors = run(20, 0.25, root.resolve("model"), false);
        // 20 iterations, the last 25 % (5) annealed: factor 1 while 5 or more iterations are left, then 4/5 ... 1/5.
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(Math.min(1, (20 - i) / 5.0));
        }
        assertEquals(expected.size(), factors.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), factors.get(i), 1e-9, "iteration " + i);
        }
    }

    @Test
    void withoutAnnealingTheRateStaysAsConfigured() {
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0), run(6, 0, root.resolve("model"), false));
    }

    @Test
    void aResumedRunAnnealsAtItsOwnEnd() {
        Path model = root.resolve("model");
        run(10, 0.5, model, false);
        // Continued from 10 to 14: its own last half (2 of 4 iterations) anneals.
        List<Double> factors = run(14, 0.5, model, true);
        assertEquals(List.of(1.0, 1.0, 1.0, 0.5), factors);
    }

    @Test
    void anAnnealOutsideZeroToOneIsOneClearError() {
        FaceswapException e = assertThrows(FaceswapException.class, () -> settings(10, 1.5));
        assertEquals("faceswap4j.train.anneal must be in [0, 1], got 1.5", e.getMessage());
    }

    private static List<Double> run(long iterations, double anneal, Path modelDir, boolean resume) {
        FaceSet faces = FaceSet.read(TestFaces.sampleCrops());
        List<Double> factors = new ArrayList<>();
        ScriptedModel model = new ScriptedModel((iteration, factor) -> {
            factors.add(factor);
            return Map.of("loss_a", 1.0, "loss_b", 1.0);
        });
        new TrainingLoop(new TrainingLoop.Inputs("recording", model, faces, faces, 48, modelDir, resume), settings(iterations, anneal), false).run();
        return factors;
    }

    private static TrainSettings settings(long iterations, double anneal) {
        return new TrainSettings(iterations, 2, 1000, 1000, 0, 1, 1, Augmentation.none(200), 0, anneal, TrainSettings.Stability.NONE);
    }
}
