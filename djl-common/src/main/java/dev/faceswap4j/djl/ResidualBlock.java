package dev.faceswap4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The residual block of faceswap-GAN's and DeepFaceLab's decoders: {@code LeakyReLU(x + conv(LeakyReLU(conv(x))))},
 * 3×3 convolutions keeping the channels, slope 0.2. It refines what an up-scale drew at the same resolution.
 */
public final class ResidualBlock extends AbstractBlock {

    private static final byte VERSION = 1;
    static final float SLOPE = 0.2f;

    private final Block first;
    private final Block second;

    public ResidualBlock(int channels) {
        super(VERSION);
        first = addChildBlock("conv1", ConvBlocks.conv(channels, 3, 1));
        second = addChildBlock("conv2", ConvBlocks.conv(channels, 3, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = Activation.leakyRelu(first.forward(store, inputs, training).singletonOrThrow(), SLOPE);
        y = second.forward(store, new NDList(y), training).singletonOrThrow();
        return new NDList(Activation.leakyRelu(x.add(y), SLOPE));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        first.initialize(manager, dataType, inputShapes);
        second.initialize(manager, dataType, inputShapes);
    }
}
