package dev.faceswap4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A convolution whose output channels are not a whole number of 16-channel blocks (the decoders' RGB
 * layer, a narrow network's 8- or 24-filter layers) that runs, on the CPU, as one with whole blocks,
 * the extra channels zero, and keeps the real channels. Every convolution of the networks is one
 * ({@link ConvBlocks#conv}); where the filters are whole blocks, or on a GPU, it is a plain {@link Conv2d}.
 *
 * <p>Why: libtorch 2.7.1 runs CPU convolutions through oneDNN in channel-blocked layouts and pads an
 * output gradient of 3 or 8 channels to the block size; the padding is not always cleared, so the input
 * gradient of such a layer came back wrong (off against finite differences, different from run to
 * run, NaN when the stale memory held NaN). With the
 * channels padded here the gradient reaching oneDNN is whole blocks of explicit zeros. Weights,
 * parameter count and file format stay those of a plain {@link Conv2d}.
 */
public class BlockPaddedConv2d extends Conv2d {

    /** oneDNN's largest channel block on x86 (AVX-512); a multiple of the AVX2 block of 8. */
    static final int CHANNEL_BLOCK = 16;

    public BlockPaddedConv2d(Conv2d.Builder builder) {
        super(builder);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        Device device = input.getDevice();
        int padded = (filters + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
        if (device.isGpu() || padded == filters) {
            return super.forwardInternal(store, inputs, training, params);
        }
        NDArray weights = store.getValue(weight, device, training);
        NDArray biases = store.getValue(bias, device, training);
        NDManager manager = input.getManager();
        Shape kernel = weights.getShape();
        NDArray zeroWeights = manager.zeros(new Shape(padded - filters, kernel.get(1), kernel.get(2), kernel.get(3)), weights.getDataType(), device);
        NDArray zeroBiases = manager.zeros(new Shape(padded - filters), biases.getDataType(), device);
        NDArray paddedWeights = weights.concat(zeroWeights, 0);
        NDArray paddedBiases = biases.concat(zeroBiases, 0);
        // A result belongs to its first operand's manager, here the parameters' (as long-lived as the model): these two
        // go with the input's, or every forward pass would leave them behind (a training run grew by ~1.5 MB a step).
        paddedWeights.attach(manager);
        paddedBiases.attach(manager);
        NDArray output = Conv2d.conv2d(input, paddedWeights, paddedBiases, getStride(), getPadding(), getDilation(), getGroups())
                .singletonOrThrow();
        return new NDList(output.get(":, :" + filters));
    }
}
