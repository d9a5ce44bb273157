package dev.faceswap4j.model.faceswapgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.faceswap4j.djl.PyTorchEngines;
import dev.faceswap4j.djl.recognition.FaceRecognitionNet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The perceptual loss's per-step view: always a whole chip of the face, a different grid position step by step. */
class PerceptualViewTest {

    private static final int CHIP = FaceRecognitionNet.CHIP_SIZE;

    @Test
    void everyDrawnViewIsAWholeChipAndTheyMoveTheGrid() {
        Random random = new Random(5);
        Set<PerceptualView> seen = new HashSet<>();
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager(Device.cpu())) {
            NDArray faces = manager.randomUniform(0, 1, new Shape(2, 3, 64, 64));
            for (int i = 0; i < 200; i++) {
                PerceptualView view = PerceptualView.draw(random);
                seen.add(view);
                assertEquals(new Shape(2, 3, CHIP, CHIP), view.apply(faces).getShape(), view.toString());
            }
        }
        // Offsets across more than the 17 px stage's cell (9 chip pixels) in both directions.
        assertTrue(seen.stream().anyMatch(v -> v.x() >= 9) && seen.stream().anyMatch(v -> v.y() >= 9), seen.toString());
        assertTrue(seen.size() > 100, "distinct views in 200 draws: " + seen.size());
    }

    @Test
    void thePlainViewIsTheNetworksOwnResize() {
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager(Device.cpu())) {
            NDArray faces = manager.randomUniform(0, 1, new Shape(1, 3, 64, 64));
            NDArray plain = faces.getNDArrayInternal().interpolation(new long[] {CHIP, CHIP}, 2, false);
            assertArrayEquals(plain.toFloatArray(), PerceptualView.PLAIN.apply(faces).toFloatArray(), 0f);
        }
    }

    @Test
    void aViewOutsideTheGrownChipIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PerceptualView(4, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> new PerceptualView(-1, 0, 0));
    }
}
