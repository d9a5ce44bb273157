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
import dev.faceswap4j.api.GradientClipping;
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

    /**
     * Clipping at a norm: the update is the one of the gradient scaled to that norm (an optimizer fed the scaled
     * gradient moves the weights the same), the figures report the norm before clipping and the threshold, and a
     * gradient under the norm is left alone.
     */
    @Test
    void clippingByNormScalesTheGradientBeforeTheUpdate() {
        Engine engine = PyTorchEngines.pytorch();
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed(3);
            NDArray start = manager.randomNormal(SHAPE);
            NDArray input = manager.randomNormal(SHAPE).mul(10);
            Parameter clipped = parameter(start);
            Parameter reference = parameter(start);
            GradientClipping atOne = new GradientClipping(GradientClipping.Mode.NORM, 1, 10, 100);
            try (ResumableAdam adam = new ResumableAdam("clipped", SETTINGS, named(clipped), atOne, manager);
                    ResumableAdam plain = new ResumableAdam(SETTINGS, List.of(reference), manager)) {
                float[] gradient = backward(engine, clipped.getArray(), input);
                double norm = norm(gradient);
                assertTrue(norm > 100, "a gradient well over the norm: " + norm);
                ResumableAdam.Update update = adam.step();
                assertEquals(norm, update.gradientNorm(), 1e-3 * norm);
                assertEquals(1.0, update.clippedTo());
                // The same update from the gradient scaled by hand to norm 1.
                backward(engine, reference.getArray(), input);
                try (NDArray g = reference.getArray().getGradient()) {
                    g.muli((float) (1 / norm));
                }
                plain.step();
                assertArrayEquals(reference.getArray().toFloatArray(), clipped.getArray().toFloatArray(), 1e-6f);

                backward(engine, clipped.getArray(), input.mul(1e-6));
                assertTrue(Double.isNaN(adam.step().clippedTo()), "a gradient under the norm is not clipped");
            }
        }
    }

    /** AutoClip: the first update is never clipped; later ones at the percentile of the norms seen; a saved optimizer clips on alike. */
    @Test
    void autoClipClipsAtThePercentileOfTheHistoryAndKeepsItAcrossASave() throws Exception {
        Engine engine = PyTorchEngines.pytorch();
        try (NDManager manager = engine.newBaseManager()) {
            engine.setRandomSeed(4);
            NDArray input = manager.randomNormal(SHAPE);
            Parameter weight = parameter(manager.randomNormal(SHAPE));
            GradientClipping auto = new GradientClipping(GradientClipping.Mode.AUTO, 1, 50, 10);
            List<Double> norms = new java.util.ArrayList<>();
            try (ResumableAdam adam = new ResumableAdam("auto", SETTINGS, named(weight), auto, manager)) {
                for (float scale : new float[] {1, 2, 3, 4}) {
                    backward(engine, weight.getArray(), input.mul(scale));
                    ResumableAdam.Update update = adam.step();
                    norms.add(update.gradientNorm());
                    if (scale == 1) {
                        assertTrue(Double.isNaN(update.clippedTo()), "the first update: its own norm is the whole history");
                    } else {
                        // The median of the norms so far, this one included: below this one, which grows.
                        double[] sorted = norms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
                        assertEquals(median, update.clippedTo(), 1e-4 * median);
                    }
                }
                var bytes = new java.io.ByteArrayOutputStream();
                adam.save(new java.io.DataOutputStream(bytes));
                Parameter copy = parameter(weight.getArray());
                try (ResumableAdam resumed = new ResumableAdam("auto", SETTINGS, named(copy), auto, manager)) {
                    resumed.load(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
                    backward(engine, weight.getArray(), input.mul(5));
                    backward(engine, copy.getArray(), input.mul(5));
                    assertEquals(adam.step(), resumed.step(), "the next update, from the saved state");
                }
            }
        }
    }

    /** A gradient that is not finite would make every moment NaN: the update is skipped and the gradient cleared. */
    @Test
    void aNonFiniteGradientSkipsTheUpdate() {
        Engine engine = PyTorchEngines.pytorch();
        try (NDManager manager = engine.newBaseManager()) {
            NDArray start = manager.randomNormal(SHAPE);
            Parameter weight = parameter(start);
            try (ResumableAdam adam = new ResumableAdam(SETTINGS, List.of(weight), manager)) {
                NDArray input = manager.randomNormal(SHAPE);
                input.set(new ai.djl.ndarray.index.NDIndex("5"), Float.NaN);
                backward(engine, weight.getArray(), input);
                ResumableAdam.Update update = adam.step();
                assertTrue(Double.isNaN(update.gradientNorm()));
                assertEquals(0, adam.steps(), "no update counted");
                assertArrayEquals(start.toFloatArray(), weight.getArray().toFloatArray(), "weights unchanged");
                assertEquals(0f, weight.getArray().getGradient().abs().max().getFloat(), "gradient cleared");
            }
        }
    }

    private static Parameter parameter(NDArray start) {
        Parameter parameter = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        parameter.setArray(start.duplicate());
        parameter.getArray().setRequiresGradient(true);
        return parameter;
    }

    private static ai.djl.util.PairList<String, Parameter> named(Parameter parameter) {
        ai.djl.util.PairList<String, Parameter> named = new ai.djl.util.PairList<>();
        named.add("w", parameter);
        return named;
    }

    private static double norm(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += (double) value * value;
        }
        return Math.sqrt(sum);
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
