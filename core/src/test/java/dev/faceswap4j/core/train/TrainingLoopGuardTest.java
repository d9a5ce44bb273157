package dev.faceswap4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.GradientClipping;
import dev.faceswap4j.core.testing.TestFaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training guard in the loop: a collapse (a loss that jumps and stays) or a NaN takes the run back to its last good
 * checkpoint with a lower learning rate, once per event, and losses.csv stays one row per iteration with the event marked.
 */
class TrainingLoopGuardTest {

    private static final TrainingGuard.Settings GUARD = new TrainingGuard.Settings(2, 40, 10, List.of("loss_a", "loss_b"), 0.5, 2);

    @TempDir
    Path root;

    /** B's loss jumps from 0.10 to 0.50 at iteration 130 and stays there while the learning rate is the configured one. */
    @Test
    void aCollapseGoesBackToTheLastGoodCheckpointWithHalfTheLearningRate() {
        List<String> seen = new ArrayList<>();
        ScriptedModel model = new ScriptedModel((iteration, factor) -> {
            seen.add(iteration + "@" + factor);
            return losses(0.1, iteration >= 130 && factor == 1 ? 0.5 : 0.1 + 0.001 * (iteration % 7));
        });
        Path dir = root.resolve("model");
        train(model, dir, 200);

        // Suspect from 130, back after 10 suspect iterations (139) to the checkpoint of 100, then on at half the rate.
        assertTrue(seen.contains("139@1.0") && seen.contains("101@0.5") && !seen.contains("140@1.0"), seen.toString());
        LossHistory history = LossHistory.read(dir);
        assertEquals(200, history.rows(), "one row per iteration");
        for (int i = 0; i < history.rows(); i++) {
            assertEquals(i + 1, history.iterations()[i]);
        }
        assertEquals(1, history.events().size());
        LossHistory.Event event = history.events().get(0);
        assertEquals(101, event.iteration());
        assertTrue(event.text().startsWith("back from 139 to 100: loss_b 0.5000 stayed above 2 x its median"), event.text());
        assertTrue(event.text().endsWith("learning rate x0.5"), event.text());
        assertEquals(0.1, history.losses().get("loss_b")[129], 0.01, "the first row after the event is the retrained 130");
        CheckpointInfo checkpoint = CheckpointInfo.read(dir.resolve("checkpoint"));
        assertEquals(200, checkpoint.iteration());
        assertEquals(0.5, checkpoint.learningRateFactor(), "a resumed run keeps the lowered rate");
    }

    /** A checkpoint due while a loss is above its baseline waits until it is back, so a roll-back never lands in the damage. */
    @Test
    void aCheckpointWaitsWhileALossIsSuspect() {
        List<String> seen = new ArrayList<>();
        // Up from 145 to 155 (a stretch the checkpoint of 150 falls in), back to normal after.
        ScriptedModel model = new ScriptedModel((iteration, factor) -> {
            seen.add(iteration + "@" + factor);
            return losses(0.1, iteration >= 145 && iteration < 152 ? 0.5 : 0.1);
        });
        Path dir = root.resolve("model");
        train(model, dir, 160);
        assertTrue(LossHistory.read(dir).events().isEmpty(), "7 suspect iterations are under the patience of 10: no roll-back");
        assertTrue(seen.contains("160@1.0"), seen.toString());
    }

    @Test
    void aNanGoesBackAtOnce() {
        ScriptedModel model = new ScriptedModel((iteration, factor) -> losses(iteration == 120 && factor == 1 ? Double.NaN : 0.1, 0.1));
        Path dir = root.resolve("model");
        train(model, dir, 150);
        LossHistory history = LossHistory.read(dir);
        assertEquals(150, history.rows());
        assertEquals("back from 120 to 100: loss_a became NaN; learning rate x0.5", history.events().get(0).text());
    }

    @Test
    void aRunThatKeepsDivergingStopsWithOneClearError() {
        ScriptedModel model = new ScriptedModel((iteration, factor) -> losses(iteration >= 120 ? Double.NaN : 0.1, 0.1));
        FaceswapException e = assertThrows(FaceswapException.class, () -> train(model, root.resolve("model"), 150));
        assertEquals("loss_a became NaN at iteration 120: training diverged again after 2 roll-backs; the checkpoint of iteration 100 in "
                + root.resolve("model").resolve("checkpoint") + " is kept (resume it with a lower learning rate)", e.getMessage());
    }

    @Test
    void aNanBeforeTheFirstCheckpointStopsWithOneClearError() {
        ScriptedModel model = new ScriptedModel((iteration, factor) -> losses(iteration == 3 ? Double.NaN : 0.1, 0.1));
        FaceswapException e = assertThrows(FaceswapException.class, () -> train(model, root.resolve("model"), 150));
        assertEquals("loss_a became NaN at iteration 3: training diverged before its first checkpoint (lower the learning rate, or set"
                + " faceswap4j.train.clip = auto)", e.getMessage());
    }

    private static Map<String, Double> losses(double a, double b) {
        return Map.of("loss_a", a, "loss_b", b);
    }

    private static void train(ScriptedModel model, Path dir, long iterations) {
        FaceSet faces = FaceSet.read(TestFaces.sampleCrops());
        TrainSettings settings = new TrainSettings(iterations, 2, 50, 1000, 0, 1, 1, Augmentation.none(200), 0, 0,
                new TrainSettings.Stability(GradientClipping.NONE, GUARD));
        new TrainingLoop(new TrainingLoop.Inputs("scripted", model, faces, faces, 48, dir, false), settings, false).run();
    }
}
