package dev.faceswap4j.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** The up-scaling blocks: the pixel shuffle's layout, and that both modes double the side with the same multiply-adds. */
class ConvBlocksTest {

    @Test
    void pixelShuffleMovesEachGroupOfFourChannelsIntoA2x2Block() {
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager()) {
            int n = 2;
            int c = 3;
            int h = 2;
            int w = 5;
            float[] values = new float[n * 4 * c * h * w];
            for (int i = 0; i < values.length; i++) {
                values[i] = i;
            }
            NDArray input = manager.create(values, new Shape(n, 4L * c, h, w));
            NDArray output = ConvBlocks.pixelShuffle().forward(new ParameterStore(manager, false), new NDList(input), false).singletonOrThrow();
            assertEquals(new Shape(n, c, 2 * h, 2 * w), output.getShape());
            float[] out = output.toFloatArray();
            for (int b = 0; b < n; b++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int y = 0; y < 2 * h; y++) {
                        for (int x = 0; x < 2 * w; x++) {
                            int from = (((b * 4 * c) + 4 * ch + 2 * (y % 2) + (x % 2)) * h + y / 2) * w + x / 2;
                            assertEquals(values[from], out[((b * c + ch) * 2 * h + y) * 2 * w + x], "at " + b + "," + ch + "," + y + "," + x);
                        }
                    }
                }
            }
        }
    }

    @Test
    void bothModesDoubleTheSideToTheFilters() {
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager()) {
            Shape input = new Shape(2, 8, 4, 4);
            for (ConvBlocks.Upscale mode : ConvBlocks.Upscale.values()) {
                SequentialBlock block = ConvBlocks.addUpscale(new SequentialBlock(), 6, mode);
                ConvBlocks.initialize(block, manager, input);
                NDArray output = block.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(input)), false).singletonOrThrow();
                assertArrayEquals(new long[] {2, 6, 8, 8}, output.getShape().getShape(), mode.toString());
                assertEquals(DataType.FLOAT32, output.getDataType());
                // 3x3 weights: nearest convolves 8 -> 6 at 8x8, the shuffle 8 -> 24 at 4x4: the same 9*8*6*64 multiply-adds.
                long weights = mode == ConvBlocks.Upscale.PIXEL_SHUFFLE ? 9 * 8 * 24 + 24 : 9 * 8 * 6 + 6;
                assertEquals(weights, ConvBlocks.parameterCount(block), mode.toString());
            }
        }
    }

    /**
     * ICNR: a freshly initialised pixel-shuffle up-scale draws each 2×2 block in one value per channel (a convolution,
     * then nearest up-sampling: no checkerboard to start from), while its weights are not all alike.
     */
    @Test
    void aPixelShuffleUpscaleStartsWithoutACheckerboard() {
        try (NDManager manager = PyTorchEngines.pytorch().newBaseManager()) {
            Shape input = new Shape(2, 8, 4, 4);
            SequentialBlock block = ConvBlocks.addUpscale(new SequentialBlock(), 16, ConvBlocks.Upscale.PIXEL_SHUFFLE);
            // With autograd on (as a trainer built while another records can find it): the ICNR copy is no in-place op it refuses.
            try (GradientCollector recording = PyTorchEngines.pytorch().newGradientCollector()) {
                ConvBlocks.initialize(block, manager, input);
            }
            NDArray output = block.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(input)), false).singletonOrThrow();
            NDArray topLeft = output.get(":, :, 0::2, 0::2");
            for (String subPixel : new String[] {":, :, 0::2, 1::2", ":, :, 1::2, 0::2", ":, :, 1::2, 1::2"}) {
                assertEquals(0f, output.get(subPixel).sub(topLeft).abs().max().getFloat(), 0f, subPixel);
            }
            assertTrue(topLeft.abs().max().getFloat() > 0.1f, "the up-scale is not all zeros");
            NDArray weight = block.getParameters().valueAt(0).getArray();
            assertTrue(weight.get("0").sub(weight.get("4")).abs().max().getFloat() > 0.01f, "filters of different channels differ");
        }
    }
}
