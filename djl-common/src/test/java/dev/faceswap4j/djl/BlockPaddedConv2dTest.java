package dev.faceswap4j.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Convolutions whose filters are not whole 16-channel blocks, their output and gradients against the same
 * convolution in float64, which libtorch computes without oneDNN. (A plain float32 {@code Conv2d} with 3 or 8
 * output channels fails this on AVX-512 CPUs: its input gradient is off, and differs from run to run; in a
 * narrow autoencoder it was NaN in a few percent of fresh models.)
 */
class BlockPaddedConv2dTest {

    /** A forward pass leaves nothing in the parameters' manager: what it makes goes with its input's manager. */
    @Test
    void aForwardPassLeavesNothingBehindInTheModelsManager() {
        Engine engine = PyTorchEngines.pytorch();
        Shape inputShape = new Shape(2, 8, 16, 16);
        try (NDManager model = engine.newBaseManager()) {
            Conv2d conv = ConvBlocks.conv(3, 5, 1);
            conv.initialize(model, DataType.FLOAT32, inputShape);
            int arrays = model.getManagedArrays().size();
            for (int step = 0; step < 3; step++) {
                try (NDManager scope = model.newSubManager()) {
                    NDArray input = scope.randomNormal(inputShape);
                    conv.forward(new ParameterStore(scope, false), new NDList(input), true);
                }
            }
            assertEquals(arrays, model.getManagedArrays().size(), "arrays held by the model's manager after three forward passes");
        }
    }

    /** The decoders' RGB layer; a narrow decoder's 8-filter layer; a layer that is whole blocks (passed straight on). */
    @ParameterizedTest
    @CsvSource({"3, 8, 5", "8, 16, 3", "32, 16, 3"})
    void outputAndGradientsAreThoseOfTheConvolution(int filters, int inputChannels, int kernel) {
        Engine engine = PyTorchEngines.pytorch();
        Shape inputShape = new Shape(2, inputChannels, 16, 16);
        try (NDManager manager = engine.newBaseManager()) {
            Conv2d conv = ConvBlocks.conv(filters, kernel, 1);
            conv.initialize(manager, DataType.FLOAT32, inputShape);
            List<Parameter> parameters = new ArrayList<>(conv.getParameters().values());
            NDArray input = manager.randomNormal(inputShape);

            List<float[]> actual = new ArrayList<>();
            List<float[]> expected = new ArrayList<>();
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray x = input.duplicate();
                x.setRequiresGradient(true);
                parameters.forEach(p -> p.getArray().setRequiresGradient(true));
                NDArray y = conv.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
                collector.backward(y.mul(y).sum());
                actual.add(y.toFloatArray());
                actual.add(x.getGradient().toFloatArray());
                for (Parameter parameter : parameters) {
                    actual.add(parameter.getArray().getGradient().toFloatArray());
                }
            }
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray x = input.toType(DataType.FLOAT64, true);
                NDArray w = parameters.get(0).getArray().toType(DataType.FLOAT64, true);
                NDArray b = parameters.get(1).getArray().toType(DataType.FLOAT64, true);
                for (NDArray array : List.of(x, w, b)) {
                    array.setRequiresGradient(true);
                }
                NDArray y = Conv2d.conv2d(x, w, b, conv.getStride(), conv.getPadding(), conv.getDilation(), conv.getGroups())
                        .singletonOrThrow();
                collector.backward(y.mul(y).sum());
                for (NDArray array : List.of(y, x.getGradient(), w.getGradient(), b.getGradient())) {
                    expected.add(array.toType(DataType.FLOAT32, false).toFloatArray());
                }
            }

            assertEquals(new Shape(filters, inputChannels, kernel, kernel), parameters.get(0).getArray().getShape());
            String[] names = {"output", "input gradient", "weight gradient", "bias gradient"};
            for (int i = 0; i < names.length; i++) {
                assertEquals(expected.get(i).length, actual.get(i).length, names[i]);
                for (int j = 0; j < expected.get(i).length; j++) {
                    float want = expected.get(i)[j];
                    assertEquals(want, actual.get(i)[j], 1e-4 * (1 + Math.abs(want)), names[i] + " at " + j);
                }
            }
        }
    }
}
