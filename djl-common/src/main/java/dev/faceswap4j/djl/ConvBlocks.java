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

/**
 * The deepfake networks' building blocks (NCHW), shared by the autoencoder and faceswap-GAN: "same"-padded
 * convolutions, LeakyReLU 0.1, Keras-style ×2 up-sampling, the dense bottleneck. Weights start as Keras'
 * defaults did: Glorot-uniform kernels, zero biases.
 */
public final class ConvBlocks {

    private static final float LEAKY_SLOPE = 0.1f;

    private ConvBlocks() {}

    /**
     * The encoder's end: Flatten, Dense(dim), Dense(side²·dim), reshape to (dim, side, side), ×2
     * up-sample, 3×3 convolution to {@code filters}, LeakyReLU.
     */
    public static SequentialBlock addBottleneck(SequentialBlock encoder, int side, int dim, int filters) {
        return encoder.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(dim).build())
                .add(Linear.builder().setUnits((long) side * side * dim).build())
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, dim, side, side)), "reshape"))
                .add(upsample())
                .add(conv(filters, 3, 1))
                .add(leakyRelu());
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

    /** A "same"-padded convolution (odd kernel). */
    public static Conv2d conv(int filters, int kernel, int stride) {
        return convBuilder(filters, kernel, stride).build();
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
