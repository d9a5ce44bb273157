package dev.faceswap4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * The convolution before a pixel shuffle ({@link ConvBlocks#pixelShuffle}), initialised with ICNR (Aitken et al. 2017,
 * "Checkerboard artifact free sub-pixel convolution", faceswap's and faceswap-GAN's choice): the four filters that
 * become the four pixels of one 2×2 block start as copies of one filter, so the up-scale starts as a convolution
 * followed by nearest-neighbour up-sampling — no checkerboard for training to start from and then keep. A plain
 * initialisation gives the four pixels of each block independent weights from the first step, and the grid it
 * draws shows in the swapped face. Weights and file format are those of any {@link Conv2d} of this shape.
 */
public final class SubPixelConv2d extends BlockPaddedConv2d {

    /** A 3×3 "same" convolution to {@code 4 × filters} channels, for a pixel shuffle to {@code filters}. */
    public SubPixelConv2d(int filters) {
        super(ConvBlocks.convBuilder(4 * filters, 3, 1));
    }

    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initialize(manager, dataType, inputShapes);
        for (var parameter : new NDArray[] {weight.getArray(), bias.getArray()}) {
            // Output channel 4c + s becomes sub-pixel s of channel c: every one of the four takes channel 4c's values.
            // Written through a detached view of the same storage: autograd refuses in-place writes to a parameter.
            try (NDArray storage = parameter.stopGradient();
                    NDArray first = storage.get("0::4");
                    NDArray stacked = NDArrays.stack(new NDList(first, first, first, first), 1);
                    NDArray copies = stacked.reshape(parameter.getShape())) {
                storage.muli(0).addi(copies);
            }
        }
    }
}
