package dev.faceswap4j.model.faceswapgan;

import dev.faceswap4j.djl.ConvBlocks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * SAGAN self-attention: 1×1 convolutions give query and key (channels / 8) and value (channels);
 * each position's output is the softmax-weighted sum of the values of all positions; the block
 * returns {@code γ·attention + input}, γ learned and starting at 0 (so training starts from the
 * plain convolutional network and lets attention in as it helps).
 */
final class SelfAttention extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block query;
    private final Block key;
    private final Block value;
    private final Parameter gamma;

    SelfAttention(int channels) {
        super(VERSION);
        int reduced = Math.max(1, channels / 8);
        query = addChildBlock("query", pointwise(reduced));
        key = addChildBlock("key", pointwise(reduced));
        value = addChildBlock("value", pointwise(channels));
        gamma = addParameter(Parameter.builder()
                .setName("gamma")
                .setType(Parameter.Type.OTHER)
                .optInitializer(new ConstantInitializer(0))
                .optShape(new Shape(1))
                .build());
    }

    private static Block pointwise(int filters) {
        return ConvBlocks.conv(filters, 1, 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long positions = shape.get(2) * shape.get(3);
        NDArray q = query.forward(store, inputs, training).singletonOrThrow().reshape(batch, -1, positions);
        NDArray k = key.forward(store, inputs, training).singletonOrThrow().reshape(batch, -1, positions);
        NDArray v = value.forward(store, inputs, training).singletonOrThrow().reshape(batch, -1, positions);
        // weights[n, i, j]: how much position i attends to position j. The (positions × positions)
        // matrix is the big one: only the small arrays get transposed.
        NDArray weights = q.transpose(0, 2, 1).matMul(k).softmax(-1);
        NDArray attended = weights.matMul(v.transpose(0, 2, 1)).transpose(0, 2, 1).reshape(shape);
        NDArray g = store.getValue(gamma, x.getDevice(), training);
        return new NDList(attended.mul(g).add(x));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        query.initialize(manager, dataType, inputShapes);
        key.initialize(manager, dataType, inputShapes);
        value.initialize(manager, dataType, inputShapes);
    }
}
