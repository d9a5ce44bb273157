package dev.faceswap4j.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.XavierInitializer;
import dev.faceswap4j.api.FaceswapException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The deepfake networks' building blocks (NCHW), shared by the autoencoder and faceswap-GAN: "same"-padded
 * convolutions, LeakyReLU 0.1, Keras-style ×2 up-sampling, the dense bottleneck. Weights start as Keras'
 * defaults did: Glorot-uniform kernels, zero biases.
 */
public final class ConvBlocks {

    private static final float LEAKY_SLOPE = 0.1f;

    private ConvBlocks() {}

    /**
     * How a network doubles its side: {@code NEAREST} up-samples, then convolves 3×3 to the filters (Keras'
     * UpSampling2D + Conv2D); {@code PIXEL_SHUFFLE} convolves 3×3 to four times the filters at the low side and
     * rearranges each group of four channels into a 2×2 block (sub-pixel convolution, the original deepfakes
     * "upscale", also faceswap's and DFL's): the same multiply-adds, but each of the four output pixels has its
     * own weights, where nearest up-sampling makes neighbours share theirs. The shuffle's convolution starts with
     * ICNR ({@link SubPixelConv2d}), so it does not start with a checkerboard. {@code BILINEAR} up-samples bilinearly, then
     * convolves (Odena et al. 2016's resize-convolution): nothing in the layer can draw a pattern of period 2, where
     * nearest up-sampling starts every 2×2 block as one value and the network must learn to smooth the edges away.
     */
    public enum Upscale {
        NEAREST("nearest"), PIXEL_SHUFFLE("pixel-shuffle"), BILINEAR("bilinear");

        private final String configName;

        Upscale(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        /** The mode a setting names; null when none does. */
        public static Upscale byName(String name) {
            for (Upscale mode : values()) {
                if (mode.configName.equals(name)) {
                    return mode;
                }
            }
            return null;
        }

        /** The mode the setting at {@code path} names, or one line saying which there are. */
        public static Upscale parse(String name, String path) {
            Upscale mode = byName(name);
            if (mode == null) {
                throw new FaceswapException(path + " must be " + Arrays.stream(values()).map(Upscale::configName)
                        .collect(Collectors.joining(", ")) + ", got '" + name + "'");
            }
            return mode;
        }
    }

    /**
     * The encoder's end: Flatten, Dense(dim), Dense(side²·dim), reshape to (dim, side, side), then one ×2
     * {@link #addUpscale} to {@code filters}.
     */
    public static SequentialBlock addBottleneck(SequentialBlock encoder, int side, int dim, int filters, Upscale mode) {
        encoder.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(dim).build())
                .add(Linear.builder().setUnits((long) side * side * dim).build())
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, dim, side, side)), "reshape"));
        return addUpscale(encoder, filters, mode);
    }

    /**
     * Adds to {@code network} the blocks that double the side and map to {@code filters} channels, with a
     * LeakyReLU, as {@code mode} says. Added one by one, not as a nested block, so that the parameter files of
     * networks written before the mode existed still read.
     */
    public static SequentialBlock addUpscale(SequentialBlock network, int filters, Upscale mode) {
        return switch (mode) {
            case NEAREST -> network.add(upsample()).add(conv(filters, 3, 1)).add(leakyRelu());
            case BILINEAR -> network.add(upsampleBilinear()).add(conv(filters, 3, 1)).add(leakyRelu());
            case PIXEL_SHUFFLE -> network.add(new SubPixelConv2d(filters)).add(leakyRelu()).add(pixelShuffle());
        };
    }

    /** (N, 4C, H, W) → (N, C, 2H, 2W): channel 4c + 2i + j of a pixel becomes pixel (i, j) of its 2×2 block in channel c, as PyTorch's pixel_shuffle. */
    public static Block pixelShuffle() {
        return new LambdaBlock(x -> {
            var array = x.singletonOrThrow();
            Shape shape = array.getShape();
            long n = shape.get(0);
            long c = shape.get(1) / 4;
            long h = shape.get(2);
            long w = shape.get(3);
            return new NDList(array.reshape(n, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, 2 * h, 2 * w));
        }, "pixelShuffle");
    }

    /** Initialises {@code block} for NCHW input of the given shape with the Keras default initialisers. */
    public static void initialize(Block block, NDManager manager, Shape input) {
        block.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3),
                Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, input);
    }

    /** Number of trainable values in {@code block}. */
    public static long parameterCount(Block block) {
        return block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /**
     * A "same"-padded convolution (odd kernel), block-padded on the CPU where its filters are not whole oneDNN
     * channel blocks ({@link BlockPaddedConv2d}: the input gradient of such a layer is wrong otherwise).
     */
    public static Conv2d conv(int filters, int kernel, int stride) {
        return new BlockPaddedConv2d(convBuilder(filters, kernel, stride));
    }

    public static Conv2d.Builder convBuilder(int filters, int kernel, int stride) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2));
    }

    public static Block leakyRelu() {
        return Activation.leakyReluBlock(LEAKY_SLOPE);
    }

    /** Bilinear ×2 up-sampling (with gradient), half-pixel centres (align_corners false). */
    public static Block upsampleBilinear() {
        return new LambdaBlock(x -> {
            var array = x.singletonOrThrow();
            Shape shape = array.getShape();
            long[] size = {shape.get(2) * 2, shape.get(3) * 2};
            return new NDList(array.getNDArrayInternal().interpolation(size, 2, false));
        }, "upsampleBilinear");
    }

    /** Nearest-neighbour ×2 up-sampling (with gradient), as Keras' UpSampling2D. */
    public static Block upsample() {
        return new LambdaBlock(x -> {
            var array = x.singletonOrThrow();
            Shape shape = array.getShape();
            long[] size = {shape.get(2) * 2, shape.get(3) * 2};
            return new NDList(array.getNDArrayInternal().interpolation(size, 0, false));
        }, "upsample");
    }
}
