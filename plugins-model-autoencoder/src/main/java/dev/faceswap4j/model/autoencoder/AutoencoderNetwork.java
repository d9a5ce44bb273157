package dev.faceswap4j.model.autoencoder;

import static dev.faceswap4j.djl.ConvBlocks.addBottleneck;
import static dev.faceswap4j.djl.ConvBlocks.conv;
import static dev.faceswap4j.djl.ConvBlocks.leakyRelu;
import static dev.faceswap4j.djl.ConvBlocks.addUpscale;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import dev.faceswap4j.djl.ResidualBlock;

/**
 * The deepfake autoencoder's networks (NCHW): one encoder and two decoders of identical shape — the classic network,
 * and with residual blocks in the decoders DeepFaceLab's SAEHD "DF" layout.
 */
public final class AutoencoderNetwork {

    private AutoencoderNetwork() {}

    public static SequentialBlock encoder(AutoencoderSettings settings) {
        SequentialBlock encoder = new SequentialBlock();
        for (int filters : settings.encoderFilters()) {
            encoder.add(conv(filters, 5, 2)).add(leakyRelu());
        }
        return addBottleneck(encoder, settings.bottleneckSize(), settings.encoderDim(), settings.bottleneckFilters(), settings.upscale());
    }

    public static SequentialBlock decoder(AutoencoderSettings settings) {
        SequentialBlock decoder = new SequentialBlock();
        for (int filters : settings.decoderFilters()) {
            addUpscale(decoder, filters, settings.upscale());
            for (int i = 0; i < settings.residualBlocks(); i++) {
                decoder.add(new ResidualBlock(filters));
            }
        }
        // RGB, and with learn-mask a fourth channel: the face mask, trained towards the landmark hull.
        decoder.add(conv(settings.outputChannels(), 5, 1)).add(Activation.sigmoidBlock());
        return decoder;
    }
}
