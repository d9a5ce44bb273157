package dev.faceswap4j.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-pass CPU update against DJL's native {@code adamUpdate} (the update this optimizer ran
 * before) and against the Keras formula in double precision, on gradients from a real backward pass.
 */
class ResumableAdamTest {

    private static final AdamSettings SETTINGS = new AdamSettings(1e-2f, 0.5f, 0.999f, 1e-7f);
    private static final Shape SHAPE = new Shape(40_000);
    private static final int STEPS = 3;

    @Test
    void cpuUpdateMatchesTheNativeUpdateAndTheFormula() {
        Engine engine = PyTorchEngines.pytorch();
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed(7);
            NDArray start = manager.randomNormal(SHAPE);
            List<NDArray> inputs = List.of(manager.randomNormal(SHAPE), manager.randomNormal(SHAPE), manager.randomNormal(SHAPE));

            Parameter parameter = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            parameter.setArray(start.duplicate());
            parameter.getArray().setRequiresGradient(true);
            NDArray nativeWeight = start.duplicate();
            nativeWeight.setRequiresGradient(true);
            NDArray nativeMean = manager.zeros(SHAPE);
            NDArray nativeVariance = manager.zeros(SHAPE);

            double[] w = toDoubles(start.toFloatArray());
            double[] m = new double[w.length];
            double[] v = new double[w.length];
            try (ResumableAdam adam = new ResumableAdam(SETTINGS, List.of(parameter), manager)) {
                for (int step = 1; step <= STEPS; step++) {
                    NDArray input = inputs.get(step - 1);
                    float[] gradient = backward(engine, parameter.getArray(), input);
                    assertArrayEquals(gradient, backward(engine, nativeWeight, input), 1e-6f);
                    adam.step();
                    assertEquals(0f, parameter.getArray().getGradient().abs().max().getFloat(), "gradient zeroed after the update");

                    float correctedLr = correctedLearningRate(step);
                    try (NDArray nativeGradient = nativeWeight.getGradient()) {
                        nativeWeight.getNDArrayInternal().adamUpdate(new NDList(nativeWeight, nativeGradient, nativeMean, nativeVariance),
                                new NDList(nativeWeight), SETTINGS.learningRate(), correctedLr, 0f, 1f, -1f, SETTINGS.beta1(),
                                SETTINGS.beta2(), SETTINGS.epsilon(), false, false);
                        nativeGradient.subi(nativeGradient);
                    }
                    for (int i = 0; i < w.length; i++) {
                        m[i] = SETTINGS.beta1() * m[i] + (1 - SETTINGS.beta1()) * gradient[i];
                        v[i] = SETTINGS.beta2() * v[i] + (1 - SETTINGS.beta2()) * gradient[i] * gradient[i];
                        w[i] -= correctedLr * m[i] / (Math.sqrt(v[i]) + SETTINGS.epsilon());
                    }
                }
                float[] actual = parameter.getArray().toFloatArray();
                float[] expectedNative = nativeWeight.toFloatArray();
                double largestStep = 0;
                for (int i = 0; i < actual.length; i++) {
                    assertEquals(expectedNative[i], actual[i], 2e-6f, "native update, element " + i);
                    assertEquals(w[i], actual[i], 2e-6, "double-precision update, element " + i);
                    largestStep = Math.max(largestStep, Math.abs(actual[i] - start.getFloat(i)));
                }
                // Three steps at lr 1e-2 move the weights visibly: the comparison is not of unchanged arrays.
                assertTrue(largestStep > 1e-2, "weights moved by " + largestStep);
            }
        }
    }

    @Test
    void viewWritesThroughAContiguousTensorAndRefusesAStridedOne() {
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager()) {
            NDArray array = manager.arange(12f).reshape(3, 4);
            FloatBuffer view = TensorMemory.floatView(array).orElseThrow();
            view.put(5, -1f);
            assertEquals(-1f, array.getFloat(1, 1));
            assertEquals(12, view.limit());
            assertTrue(TensorMemory.floatView(array.transpose()).isEmpty(), "a transposed view is not contiguous storage");
        }
    }

    private static float[] backward(Engine engine, NDArray weight, NDArray input) {
        try (GradientCollector collector = engine.newGradientCollector()) {
            // A loss whose gradient differs per element and sign: sin(w)·x.
            collector.backward(weight.sin().mul(input).sum());
        }
        try (NDArray gradient = weight.getGradient()) {
            return gradient.toFloatArray();
        }
    }

    private static float correctedLearningRate(int step) {
        return (float) (SETTINGS.learningRate() * Math.sqrt(1 - Math.pow(SETTINGS.beta2(), step)) / (1 - Math.pow(SETTINGS.beta1(), step)));
    }

    private static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }
}
