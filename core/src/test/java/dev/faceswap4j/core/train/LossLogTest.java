package dev.faceswap4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed history keeps its own columns, even when the trainer now reports more or other losses. */
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
        assertEquals(List.of("iteration,loss_a,g_a,seconds", "1,0.500000,2.000000,0.5", "2,0.250000,1.500000,1.5"),
                Files.readAllLines(dir.resolve(LossLog.FILE_NAME)));
    }
}
