package dev.faceswap4j.model.autoencoder;

import dev.faceswap4j.djl.PyTorchEngines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.FaceswapException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The autoencoder's loss against the same figures computed by hand in double precision. */
class FaceLossTest {

    private static final int N = 2;
    private static final int SIZE = 16;

    @Test
    void eyeAndMouthPixelsWeighByTheirMultipliersAndTheReportedLossStaysPlainMae() {
        Random random = new Random(3);
        float[] out = randoms(random, N * 3 * SIZE * SIZE);
        float[] target = randoms(random, N * 3 * SIZE * SIZE);
        float[] eyes = new float[N * SIZE * SIZE];
        float[] mouth = new float[N * SIZE * SIZE];
        for (int i = 0; i < eyes.length; i++) {
            eyes[i] = i % 7 == 0 ? 1 : 0;
            mouth[i] = i % 5 == 0 ? 0.5f : 0;
        }
        FaceBatch batch = new FaceBatch(N, SIZE, new float[N * SIZE * SIZE * 3], new float[N * SIZE * SIZE * 3], eyes, mouth);
        double weighted = 0;
        double plain = 0;
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < SIZE * SIZE; p++) {
                    int i = (n * 3 + c) * SIZE * SIZE + p;
                    int pixel = n * SIZE * SIZE + p;
                    double d = Math.abs(out[i] - target[i]);
                    plain += d;
                    weighted += d * (1 + 2 * eyes[pixel] + 1 * mouth[pixel]);
                }
            }
        }
        int count = N * 3 * SIZE * SIZE;
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager()) {
            NDArray o = manager.create(out, new Shape(N, 3, SIZE, SIZE));
            NDArray t = manager.create(target, new Shape(N, 3, SIZE, SIZE));
            FaceLoss.Terms terms = new FaceLoss(3, 2, 0).of(o, t, batch, manager);
            assertEquals(weighted / count, terms.total().getFloat(), 1e-6);
            assertEquals(plain / count, terms.meanAbsoluteError().getFloat(), 1e-6);
            FaceLoss.Terms mae = FaceLoss.MAE.of(o, t, batch, manager);
            assertEquals(plain / count, mae.total().getFloat(), 1e-6, "multipliers of 1: the original's MAE");
        }
    }

    @Test
    void backgroundWeightLeavesOutThePixelsOutsideTheFaceAndTheMaskChannelIsScoredAgainstTheHull() {
        Random random = new Random(5);
        float[] out = randoms(random, N * 4 * SIZE * SIZE);
        float[] target = randoms(random, N * 3 * SIZE * SIZE);
        float[] face = new float[N * SIZE * SIZE];
        for (int i = 0; i < face.length; i++) {
            face[i] = i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : 0.25f;
        }
        float[] none = new float[0];
        FaceBatch batch = new FaceBatch(N, SIZE, new float[N * SIZE * SIZE * 3], new float[N * SIZE * SIZE * 3], none, none, face);
        double weighted = 0;
        double plain = 0;
        double mask = 0;
        int plane = SIZE * SIZE;
        for (int n = 0; n < N; n++) {
            for (int p = 0; p < plane; p++) {
                int pixel = n * plane + p;
                for (int c = 0; c < 3; c++) {
                    double d = Math.abs(out[(n * 4 + c) * plane + p] - target[(n * 3 + c) * plane + p]);
                    plain += d;
                    weighted += d * (0.2 + 0.8 * face[pixel]);
                }
                double m = out[(n * 4 + 3) * plane + p] - face[pixel];
                mask += m * m;
            }
        }
        int count = N * 3 * plane;
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager()) {
            NDArray o = manager.create(out, new Shape(N, 4, SIZE, SIZE));
            NDArray t = manager.create(target, new Shape(N, 3, SIZE, SIZE));
            FaceLoss.Terms terms = new FaceLoss(1, 1, 0, 0.2, 0.5).of(o, t, batch, manager);
            assertEquals(plain / count, terms.meanAbsoluteError().getFloat(), 1e-6, "the reported MAE is the face channels' plain one");
            assertEquals(mask / (N * plane), terms.maskError().getFloat(), 1e-6);
            assertEquals(weighted / count + 0.5 * mask / (N * plane), terms.total().getFloat(), 1e-6);
            FaceBatch withoutFace = new FaceBatch(N, SIZE, batch.warped(), batch.target());
            FaceswapException e = assertThrows(FaceswapException.class, () -> new FaceLoss(1, 1, 0, 0.2, 0.5).of(o, t, withoutFace, manager));
            assertTrue(e.getMessage().contains("alignments.json"), e.getMessage());
        }
    }

    @Test
    void dssimIsZeroForTheSameFaceAndGrowsAsStructureIsLost() {
        Random random = new Random(4);
        float[] face = randoms(random, N * 3 * SIZE * SIZE);
        float[] flat = new float[face.length];
        java.util.Arrays.fill(flat, 0.5f);
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager()) {
            NDArray x = manager.create(face, new Shape(N, 3, SIZE, SIZE));
            assertEquals(0, FaceLoss.dssim(x, x).getFloat(), 1e-6);
            NDArray noisy = x.add(manager.randomNormal(0, 0.05f, x.getShape(), ai.djl.ndarray.types.DataType.FLOAT32));
            double slight = FaceLoss.dssim(noisy, x).getFloat();
            double lost = FaceLoss.dssim(manager.create(flat, x.getShape()), x).getFloat();
            assertTrue(slight > 0 && slight < lost, slight + " vs " + lost);
            // SSIM of a flat patch against a textured one is ~0 (no correlation, no contrast match): DSSIM ~0.5.
            assertEquals(0.5, lost, 0.05);
        }
    }

    private static float[] randoms(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextFloat();
        }
        return values;
    }
}
