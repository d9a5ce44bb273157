package dev.faceswap4j.model.faceswapgan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.faceswap4j.djl.PyTorchEngines;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generator's mask term, by hand: an output whose alpha is 0.5 everywhere, a face hull over the left half of the
 * square. With a mask-face-floor the face pays the hinge mask-face-weight·(0.9 − 0.5) and only the rest the schedule's term.
 */
class GanMaskLossTest {

    private static final int SIDE = 8;

    @Test
    void afterTheWarmUpTheFaceIsHeldOpenAndTheRestPaysTheL1() {
        // Half the pixels: 1 · (0.9 − 0.5) = 0.4; the other half: 0.01 · 0.5 = 0.005.
        assertEquals(0.5 * 0.4 + 0.5 * 0.005, maskTerm(0.9, 1, false, true), 1e-6);
        // The hinge scales with mask-face-weight.
        assertEquals(0.5 * 4 + 0.5 * 0.005, maskTerm(0.9, 10, false, true), 1e-6);
    }

    @Test
    void inTheWarmUpTheRestPaysTheHingeAtMaskFloor() {
        // Outside the face alpha 0.5 is at mask-floor 0.5: no cost; inside 0.4 as after the warm-up.
        assertEquals(0.5 * 0.4, maskTerm(0.9, 1, true, true), 1e-6);
    }

    @Test
    void withoutAFaceFloorOrWithoutLandmarksItIsFaceswapGansTerm() {
        assertEquals(0.01 * 0.5, maskTerm(0, 1, false, true), 1e-6);
        assertEquals(0.01 * 0.5, maskTerm(0.9, 0, false, true), 1e-6);
        assertEquals(0.01 * 0.5, maskTerm(0.9, 1, false, false), 1e-6);
        assertEquals(0, maskTerm(0, 1, true, true), 1e-6);
    }

    private static double maskTerm(double faceFloor, double faceWeight, boolean warmup, boolean withFace) {
        GanSettings.LossWeights weights = new GanSettings.LossWeights(0.1, 1, 30, 3, List.of(0.0, 0.0, 0.0, 0.0), 0.01, 100, 0.5, faceFloor,
                faceWeight);
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager(Device.cpu())) {
            NDArray rgb = manager.ones(new Shape(1, 3, SIDE, SIDE)).mul(0.3f);
            NDArray alpha = manager.ones(new Shape(1, 1, SIDE, SIDE)).mul(0.5f);
            NDArray output = rgb.concat(alpha, 1);
            NDArray input = manager.ones(new Shape(1, 3, SIDE, SIDE)).mul(0.6f);
            float[] hull = new float[SIDE * SIDE];
            for (int i = 0; i < hull.length; i++) {
                hull[i] = i % SIDE < SIDE / 2 ? 1 : 0;
            }
            NDArray face = withFace ? manager.create(hull, new Shape(1, 1, SIDE, SIDE)) : null;
            GanLosses losses = new GanLosses(weights, null);
            return losses.generator(output, input, input, null, face, image -> manager.zeros(new Shape(1, 1, 2, 2)), warmup)
                    .weighted().get("mask").getFloat();
        }
    }
}
