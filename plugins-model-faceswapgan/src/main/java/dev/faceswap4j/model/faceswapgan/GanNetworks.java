package dev.faceswap4j.model.faceswapgan;

import dev.faceswap4j.djl.ConvBlocks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import dev.faceswap4j.djl.ResumableAdam;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.djl.BlockFiles;
import dev.faceswap4j.djl.NetworkSwapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The weights of a faceswap-GAN model: shared encoder, decoders A and B, discriminators A and B. */
final class GanNetworks {

    private static final String ENCODER_FILE = "encoder.params";
    private static final String DECODER_A_FILE = "decoder-a.params";
    private static final String DECODER_B_FILE = "decoder-b.params";
    private static final String DISCRIMINATOR_A_FILE = "discriminator-a.params";
    private static final String DISCRIMINATOR_B_FILE = "discriminator-b.params";

    private final GanSettings settings;
    private final SequentialBlock encoder;
    private final SequentialBlock decoderA;
    private final SequentialBlock decoderB;
    private final SequentialBlock generatorA;
    private final SequentialBlock generatorB;
    private final SequentialBlock discriminatorA;
    private final SequentialBlock discriminatorB;
    private ParameterStore store;

    GanNetworks(GanSettings settings, NDManager manager) {
        this.settings = settings;
        this.encoder = GanNetwork.encoder(settings);
        this.decoderA = GanNetwork.decoder(settings);
        this.decoderB = GanNetwork.decoder(settings);
        // One encoder instance in both generators: training either updates the shared weights.
        this.generatorA = new SequentialBlock().add(encoder).add(decoderA);
        this.generatorB = new SequentialBlock().add(encoder).add(decoderB);
        this.discriminatorA = GanNetwork.discriminator(settings);
        this.discriminatorB = GanNetwork.discriminator(settings);
        int size = settings.faceSize();
        Shape face = new Shape(1, 3, size, size);
        ConvBlocks.initialize(generatorA, manager, face);
        ConvBlocks.initialize(decoderB, manager, encoder.getOutputShapes(new Shape[] {face})[0]);
        Shape pair = new Shape(1, 6, size, size);
        ConvBlocks.initialize(discriminatorA, manager, pair);
        ConvBlocks.initialize(discriminatorB, manager, pair);
        this.store = new ParameterStore(manager, false);
    }

    /** The decoder's RGB (channels 0–2) and alpha (channel 3) for faces (NCHW RGB in [0, 1]), as identity A or B. */
    NDArray generate(NDArray faces, boolean a, boolean training) {
        return (a ? generatorA : generatorB).forward(store, new NDList(faces), training).singletonOrThrow();
    }

    /** Patch scores of (face, warped input) pairs by identity A's or B's discriminator. */
    NDArray discriminate(NDArray face, NDArray warped, boolean a, boolean training) {
        return (a ? discriminatorA : discriminatorB).forward(store, new NDList(face.concat(warped, 1)), training).singletonOrThrow();
    }

    /**
     * A swapper over these generators: the target identity's decoder, its alpha mask blending the
     * generated face over the input (faceswap-GAN's convert).
     */
    Swapper swapper(NDManager manager, boolean ownsManager) {
        return new NetworkSwapper(settings.faceSize(), (faces, a) -> GanLosses.blend(generate(faces, a, false), faces), manager,
                ownsManager);
    }

    /** What generator A's (or B's) update moves, by name: the shared encoder and that decoder. */
    PairList<String, Parameter> generatorParameters(boolean a) {
        PairList<String, Parameter> parameters = ResumableAdam.prefixed("encoder", encoder.getParameters());
        parameters.addAll(ResumableAdam.prefixed(a ? "decoder-a" : "decoder-b", (a ? decoderA : decoderB).getParameters()));
        return parameters;
    }

    PairList<String, Parameter> discriminatorParameters(boolean a) {
        return ResumableAdam.prefixed(a ? "discriminator-a" : "discriminator-b", (a ? discriminatorA : discriminatorB).getParameters());
    }

    List<Parameter> allParameters() {
        List<Parameter> parameters = new ArrayList<>(generatorParameters(true).values());
        parameters.addAll(decoderB.getParameters().values());
        parameters.addAll(discriminatorParameters(true).values());
        parameters.addAll(discriminatorParameters(false).values());
        return parameters;
    }

    GanSettings settings() {
        return settings;
    }

    Block generator(boolean a) {
        return a ? generatorA : generatorB;
    }

    void save(Path dir) throws IOException {
        BlockFiles.writeWeights(dir.resolve(ENCODER_FILE), encoder);
        BlockFiles.writeWeights(dir.resolve(DECODER_A_FILE), decoderA);
        BlockFiles.writeWeights(dir.resolve(DECODER_B_FILE), decoderB);
        BlockFiles.writeWeights(dir.resolve(DISCRIMINATOR_A_FILE), discriminatorA);
        BlockFiles.writeWeights(dir.resolve(DISCRIMINATOR_B_FILE), discriminatorB);
    }

    /** Replaces the generators' weights (and, with {@code discriminators}, theirs) by those {@link #save} wrote. */
    void load(Path dir, NDManager manager, boolean discriminators) {
        String network = "faceswap-GAN " + settings.describe();
        BlockFiles.readWeights(dir.resolve(ENCODER_FILE), encoder, manager, network);
        BlockFiles.readWeights(dir.resolve(DECODER_A_FILE), decoderA, manager, network);
        BlockFiles.readWeights(dir.resolve(DECODER_B_FILE), decoderB, manager, network);
        if (discriminators) {
            BlockFiles.readWeights(dir.resolve(DISCRIMINATOR_A_FILE), discriminatorA, manager, network);
            BlockFiles.readWeights(dir.resolve(DISCRIMINATOR_B_FILE), discriminatorB, manager, network);
        }
        // The store caches each parameter's array at first use; loading replaced them.
        store = new ParameterStore(manager, false);
    }
}
