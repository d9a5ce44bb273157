package dev.faceswap4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed history keeps its own columns and counts its seconds on. */
class LossLogTest {

    @TempDir
    Path dir;

    @Test
    void aResumedHistoryWritesByItsHeaderNames() throws Exception {
        Files.writeString(dir.resolve(LossLog.FILE_NAME), "iteration,loss_a,g_a,seconds\n1,0.500000,2.000000,0.5\n2,0.400000,1.900000,1.0\n");
        try (LossLog log = LossLog.continueAfter(dir, 1)) {
            Map<String, Double> losses = new LinkedHashMap<>();
            losses.put("g_a", 1.5);
            losses.put("loss_a", 0.25);
            losses.put("adversarial_a", 0.125);
            log.append(2, losses, 1.5);
        }
        assertEquals(List.of("iteration,loss_a,g_a,seconds", "1,0.500000,2.000000,0.5", "2,0.250000,1.500000,2.0"),
                Files.readAllLines(dir.resolve(LossLog.FILE_NAME)), "the resumed run's 1.5 s come after the 0.5 s of iteration 1");
    }

    @Test
    void secondsGoOnAcrossResumesSoTheSpeedSpansThem() throws Exception {
        try (LossLog log = LossLog.continueAfter(dir, 0)) {
            for (int i = 1; i <= 4; i++) {
                log.append(i, Map.of("loss_a", 0.5), 2.0 * i);
            }
        }
        // Resumed at the checkpoint of iteration 2: rows 3 and 4 are trained again, at the same 2 s per iteration.
        try (LossLog log = LossLog.continueAfter(dir, 2)) {
            for (int i = 3; i <= 6; i++) {
                log.append(i, Map.of("loss_a", 0.5), 2.0 * (i - 2));
            }
        }
        LossHistory history = LossHistory.read(dir);
        assertEquals(6, history.rows());
        assertEquals(12.0, history.seconds()[5], 1e-9, "6 iterations of 2 s");
        assertEquals(0.5, history.iterationsPerSecond(50), 1e-9, "the speed over both runs");
    }
}
