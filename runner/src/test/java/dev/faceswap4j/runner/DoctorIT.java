package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code faceswap4j doctor} through the launcher: ONNX Runtime loads and lists its providers, and DJL
 * starts the PyTorch engine offline from the pytorch-native-cpu jar (the first run extracts libtorch).
 */
class DoctorIT {

    @Test
    void reportsOnnxRuntimeAndPyTorch() throws Exception {
        Launcher.Result doctor = Launcher.run(Launcher.stagedDistribution(), 300, "doctor");
        assertEquals(0, doctor.exit(), doctor.err());
        String out = doctor.out();
        assertTrue(out.contains("ONNX Runtime (detector = cnn):"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("providers") && l.contains("CPU")), out);
        assertTrue(out.lines().anyMatch(l -> l.trim().startsWith("engine") && l.contains("PyTorch 2.7.1") && l.contains("DJL 0.36.0")), out);
        assertTrue(out.lines().anyMatch(l -> l.trim().startsWith("flavor") && l.contains("cpu (bundled cpu)")), out);
        // No GPU in CI: the line says which device auto takes, and why.
        assertTrue(out.lines().anyMatch(l -> l.trim().startsWith("device = auto") && l.contains("cpu: this distribution has the CPU libtorch only")), out);
    }
}
