package dev.faceswap4j.model.faceswapgan;

import dev.faceswap4j.djl.ConvBlocks;
import dev.faceswap4j.djl.ResidualBlock;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import dev.faceswap4j.djl.BlockPaddedConv2d;

/**
 * faceswap-GAN's blocks, built from the autoencoder's: the same encoder and decoders with
 * self-attention (encoder: after its 2nd and 3rd convolution; decoders: after the up-sampling
 * convolutions whose output side is listed in {@code decoder-attention}; a residual block after the
 * last), decoders ending in RGB + alpha, and a PatchGAN discriminator.
 */
final class GanNetwork {

    /** Channels of a decoder's output: RGB, then the alpha mask. */
    static final int OUTPUT_CHANNELS = 4;
    private static final float DISCRIMINATOR_SLOPE = 0.2f;

    private GanNetwork() {}

    static SequentialBlock encoder(GanSettings settings) {
        SequentialBlock encoder = new SequentialBlock();
        for (int i = 0; i < settings.encoderFilters().size(); i++) {
            int filters = settings.encoderFilters().get(i);
            encoder.add(ConvBlocks.conv(filters, 5, 2)).add(ConvBlocks.leakyRelu());
            if (i == 1 || i == 2) {
                encoder.add(new SelfAttention(filters));
            }
        }
        return ConvBlocks.addBottleneck(encoder, settings.bottleneckSize(), settings.encoderDim(), settings.bottleneckFilters(),
                settings.upscale());
    }

    static SequentialBlock decoder(GanSettings settings) {
        SequentialBlock decoder = new SequentialBlock();
        for (int i = 0; i < settings.decoderFilters().size(); i++) {
            int filters = settings.decoderFilters().get(i);
            ConvBlocks.addUpscale(decoder, filters, settings.upscale());
            if (i == settings.decoderFilters().size() - 1) {
                decoder.add(new ResidualBlock(filters));
            }
            if (settings.decoderAttention().contains(settings.bottleneckSize() * 2 << (i + 1))) {
                decoder.add(new SelfAttention(filters));
            }
        }
        return decoder.add(ConvBlocks.conv(OUTPUT_CHANNELS, 5, 1)).add(Activation.sigmoidBlock());
    }

    /**
     * PatchGAN on (face, warped input) stacked to 6 channels: 4×4 stride-2 convolutions, LeakyReLU 0.2,
     * self-attention after the last, then a 3×3 convolution to one least-squares score per patch.
     */
    static SequentialBlock discriminator(GanSettings settings) {
        SequentialBlock discriminator = new SequentialBlock();
        for (int filters : settings.discriminatorFilters()) {
            discriminator.add(new BlockPaddedConv2d(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(4, 4))
                    .optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))))
                    .add(Activation.leakyReluBlock(DISCRIMINATOR_SLOPE));
        }
        int last = settings.discriminatorFilters().get(settings.discriminatorFilters().size() - 1);
        return discriminator.add(new SelfAttention(last)).add(ConvBlocks.conv(1, 3, 1));
    }
}
