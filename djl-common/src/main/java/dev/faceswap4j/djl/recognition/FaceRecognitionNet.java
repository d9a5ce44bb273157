package dev.faceswap4j.djl.recognition;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import dev.faceswap4j.api.FaceswapException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * face-api's FaceRecognitionNet — dlib's 29-layer face recognition ResNet as ported to TF.js — run on
 * DJL (NCHW). Face chip 150×150 in, 128-d descriptor out; the weights are read from face-api's own
 * manifest and binary, so nothing is converted offline. Frozen: gradients flow to the input only
 * (the GAN's perceptual loss).
 *
 * <p>The layers follow face-api: every convolution is followed by its bias and a per-channel affine
 * "scale" layer; stride-2 convolutions are VALID-padded, the others SAME; a down-sampling residual
 * block adds its input average-pooled 2×2, zero-padded in channels, with a zero row and column
 * appended to the convolution branch when the two sizes differ.
 *
 * <p>It lives in the shared DJL module because two plugins run it: the face-api embedder (descriptors)
 * and faceswap-GAN (perceptual loss); each declares its files ({@link dev.faceswap4j.toolkit.FaceRecognitionFiles})
 * as its own model files, so either works without the other.
 */
public final class FaceRecognitionNet implements AutoCloseable {

    /** Side of the chip the network was trained on. */
    public static final int CHIP_SIZE = 150;
    /** Mean RGB (0–255) face-api subtracts before dividing by 255. */
    private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape TWO = new Shape(2, 2);

    private record ConvLayer(NDArray filters, NDArray bias, NDArray scale, NDArray shift) {}

    private record ResidualBlock(ConvLayer conv1, ConvLayer conv2, boolean down) {}

    /** Activations after the 32-, 64-, 128- and 256-channel stages (35, 17, 8 and 4 px for a 150 px chip), and the descriptor. */
    public record Features(List<NDArray> stages, NDArray descriptor) {}

    private final NDManager manager;
    private final ConvLayer stem;
    private final List<List<ResidualBlock>> stages;
    private final ResidualBlock exit;
    private final NDArray fc;
    private final NDArray mean;

    private FaceRecognitionNet(NDManager manager, Map<String, TfjsWeights.Tensor> weights) {
        this.manager = manager;
        this.stem = conv(weights, "conv32_down");
        this.stages = List.of(
                List.of(block(weights, "conv32_1", false), block(weights, "conv32_2", false), block(weights, "conv32_3", false)),
                List.of(block(weights, "conv64_down", true), block(weights, "conv64_1", false), block(weights, "conv64_2", false),
                        block(weights, "conv64_3", false)),
                List.of(block(weights, "conv128_down", true), block(weights, "conv128_1", false), block(weights, "conv128_2", false)),
                List.of(block(weights, "conv256_down", true), block(weights, "conv256_1", false), block(weights, "conv256_2", false)));
        this.exit = block(weights, "conv256_down_out", true);
        this.fc = tensor(weights, "fc");
        this.mean = manager.create(new float[] {MEAN_RGB[0] / 255f, MEAN_RGB[1] / 255f, MEAN_RGB[2] / 255f}, new Shape(1, 3, 1, 1));
    }

    /** Loads the network from face-api's {@code face_recognition_model-weights_manifest.json} (and its .bin beside it). */
    public static FaceRecognitionNet load(Path manifest, NDManager parent) {
        NDManager manager = parent.newSubManager();
        try {
            return new FaceRecognitionNet(manager, TfjsWeights.read(manifest));
        } catch (FaceswapException e) {
            manager.close();
            throw e;
        } catch (RuntimeException e) {
            manager.close();
            throw new FaceswapException("face recognition weights " + manifest + " do not fit face-api's FaceRecognitionNet: " + e.getMessage(), e);
        }
    }

    /** 128-d descriptors of chips: NCHW RGB in [0, 1], resized (bilinear) to 150 px when they are not. */
    public NDArray descriptors(NDArray chips) {
        return features(chips).descriptor();
    }

    /** The stage activations and the descriptor of chips (NCHW RGB in [0, 1]). */
    public Features features(NDArray chips) {
        NDArray x = resize(chips).sub(mean);
        x = Pool.maxPool2d(apply(stem, x, 2, true), new Shape(3, 3), TWO, new Shape(0, 0), false);
        List<NDArray> outputs = new ArrayList<>(stages.size());
        for (List<ResidualBlock> stage : stages) {
            for (ResidualBlock block : stage) {
                x = residual(block, x);
            }
            outputs.add(x);
        }
        x = residual(exit, x);
        NDArray descriptor = Pool.globalAvgPool2d(x).matMul(fc);
        return new Features(outputs, descriptor);
    }

    private static NDArray resize(NDArray chips) {
        Shape shape = chips.getShape();
        if (shape.get(2) == CHIP_SIZE && shape.get(3) == CHIP_SIZE) {
            return chips;
        }
        // libtorch interpolate mode 2 = bilinear, half-pixel centres (as tf.image.resizeBilinear without alignCorners).
        return chips.getNDArrayInternal().interpolation(new long[] {CHIP_SIZE, CHIP_SIZE}, 2, false);
    }

    private NDArray residual(ResidualBlock block, NDArray x) {
        NDArray out = apply(block.conv1(), x, block.down() ? 2 : 1, true);
        out = apply(block.conv2(), out, 1, false);
        NDArray shortcut = x;
        if (block.down()) {
            shortcut = Pool.avgPool2d(x, TWO, TWO, new Shape(0, 0), false, true);
            long extraChannels = out.getShape().get(1) - shortcut.getShape().get(1);
            if (extraChannels > 0) {
                Shape s = shortcut.getShape();
                shortcut = shortcut.concat(zeros(x, s.get(0), extraChannels, s.get(2), s.get(3)), 1);
            }
            // A VALID stride-2 convolution can come out one smaller than the pooled input: face-api pads it at the end.
            Shape o = out.getShape();
            if (o.get(2) != shortcut.getShape().get(2) || o.get(3) != shortcut.getShape().get(3)) {
                out = out.concat(zeros(x, o.get(0), o.get(1), 1, o.get(3)), 2);
                out = out.concat(zeros(x, o.get(0), o.get(1), o.get(2) + 1, 1), 3);
            }
        }
        return Activation.relu(out.add(shortcut));
    }

    private static NDArray zeros(NDArray like, long... shape) {
        return like.getManager().zeros(new Shape(shape), like.getDataType(), like.getDevice());
    }

    private static NDArray apply(ConvLayer layer, NDArray x, int stride, boolean relu) {
        Shape kernel = layer.filters().getShape();
        // SAME for stride 1 (odd kernels), VALID for stride 2, as face-api's convLayer.
        long pad = stride == 1 ? kernel.get(2) / 2 : 0;
        NDArray out = Conv2d.conv2d(x, layer.filters(), layer.bias(), new Shape(stride, stride), new Shape(pad, pad), ONE, 1)
                .singletonOrThrow();
        out = out.mul(layer.scale()).add(layer.shift());
        return relu ? Activation.relu(out) : out;
    }

    private ResidualBlock block(Map<String, TfjsWeights.Tensor> weights, String name, boolean down) {
        return new ResidualBlock(conv(weights, name + "/conv1"), conv(weights, name + "/conv2"), down);
    }

    private ConvLayer conv(Map<String, TfjsWeights.Tensor> weights, String name) {
        // TF keeps filters as (height, width, in, out); libtorch wants (out, in, height, width).
        NDArray filters = tensor(weights, name + "/conv/filters").transpose(3, 2, 0, 1).duplicate();
        NDArray bias = tensor(weights, name + "/conv/bias");
        long channels = bias.getShape().get(0);
        NDArray scale = tensor(weights, name + "/scale/weights").reshape(1, channels, 1, 1);
        NDArray shift = tensor(weights, name + "/scale/biases").reshape(1, channels, 1, 1);
        return new ConvLayer(filters, bias, scale, shift);
    }

    private NDArray tensor(Map<String, TfjsWeights.Tensor> weights, String name) {
        TfjsWeights.Tensor tensor = weights.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("tensor " + name + " is missing");
        }
        long[] shape = new long[tensor.shape().length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = tensor.shape()[i];
        }
        return manager.create(tensor.values(), new Shape(shape));
    }

    @Override
    public void close() {
        manager.close();
    }
}
