package dev.faceswap4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time left of a training: by its iterations at the current speed, or its minute budget when that ends sooner. */
class TrainingTargetTest {

    @TempDir
    Path dir;

    @Test
    void secondsLeftByIterationsOrByTheBudget() {
        new TrainingTarget(1000, 0).write(dir);
        TrainingTarget target = TrainingTarget.read(dir).orElseThrow();
        assertEquals(new TrainingTarget(1000, 0), target);
        assertEquals(90.0, target.secondsLeft(100, 10, 0), 1e-9, "900 iterations at 10 it/s");
        assertEquals(30.0, new TrainingTarget(1000, 60_000).secondsLeft(100, 10, 30_000), 1e-9, "the budget ends first");
        assertEquals(0.0, new TrainingTarget(1000, 0).secondsLeft(1200, 10, 0), 1e-9);
        assertTrue(Double.isNaN(new TrainingTarget(1000, 0).secondsLeft(100, Double.NaN, 0)), "no speed yet");
    }
}
