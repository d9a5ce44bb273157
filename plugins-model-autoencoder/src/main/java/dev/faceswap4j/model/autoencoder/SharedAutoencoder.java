package dev.faceswap4j.model.autoencoder;

import dev.faceswap4j.djl.ConvBlocks;
import dev.faceswap4j.djl.BlockFiles;
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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One encoder and the two decoders it feeds: the weights of a trained swap model. */
public final class SharedAutoencoder {

    static final String ENCODER_FILE = "encoder.params";
    static final String DECODER_A_FILE = "decoder-a.params";
    static final String DECODER_B_FILE = "decoder-b.params";

    private final AutoencoderSettings settings;
    private final SequentialBlock encoder;
    private final SequentialBlock decoderA;
    private final SequentialBlock decoderB;
    private final SequentialBlock autoencoderA;
    private final SequentialBlock autoencoderB;
    private ParameterStore store;

    private SharedAutoencoder(AutoencoderSettings settings, NDManager manager) {
        this.settings = settings;
        this.encoder = AutoencoderNetwork.encoder(settings);
        this.decoderA = AutoencoderNetwork.decoder(settings);
        this.decoderB = AutoencoderNetwork.decoder(settings);
        // The same encoder instance in both: training either autoencoder updates the shared weights.
        this.autoencoderA = new SequentialBlock().add(encoder).add(decoderA);
        this.autoencoderB = new SequentialBlock().add(encoder).add(decoderB);
        Shape input = new Shape(1, 3, settings.faceSize(), settings.faceSize());
        ConvBlocks.initialize(autoencoderA, manager, input);
        ConvBlocks.initialize(decoderB, manager, encoder.getOutputShapes(new Shape[] {input})[0]);
        this.store = new ParameterStore(manager, false);
    }

    /** Freshly initialised weights on the manager's device. */
    public static SharedAutoencoder create(AutoencoderSettings settings, NDManager manager) {
        return new SharedAutoencoder(settings, manager);
    }

    /** The weights {@link #save} wrote into {@code dir}. */
    public static SharedAutoencoder load(AutoencoderSettings settings, NDManager manager, Path dir) {
        SharedAutoencoder network = new SharedAutoencoder(settings, manager);
        network.loadWeights(dir, manager);
        return network;
    }

    /** Replaces the weights by those {@link #save} wrote into {@code dir}. */
    public void loadWeights(Path dir, NDManager manager) {
        read(dir.resolve(ENCODER_FILE), encoder, manager);
        read(dir.resolve(DECODER_A_FILE), decoderA, manager);
        read(dir.resolve(DECODER_B_FILE), decoderB, manager);
        // The store caches each parameter's array at first use; loading replaced them.
        store = new ParameterStore(manager, false);
    }

    public void save(Path dir) throws IOException {
        write(dir.resolve(ENCODER_FILE), encoder);
        write(dir.resolve(DECODER_A_FILE), decoderA);
        write(dir.resolve(DECODER_B_FILE), decoderB);
    }

    /** The autoencoder that reconstructs identity A ({@code a = true}) or B, encoder shared. */
    public Block autoencoder(boolean a) {
        return a ? autoencoderA : autoencoderB;
    }

    /** Parameters one side's training step updates: the shared encoder's and that side's decoder's. */
    public List<Parameter> trainableParameters(boolean a) {
        return namedTrainableParameters(a).values();
    }

    /** {@link #trainableParameters} by name ({@code encoder/01Conv2d_weight}, {@code decoder-a/...}), for the optimizer's log. */
    public PairList<String, Parameter> namedTrainableParameters(boolean a) {
        PairList<String, Parameter> parameters = ResumableAdam.prefixed("encoder", encoder.getParameters());
        parameters.addAll(ResumableAdam.prefixed(a ? "decoder-a" : "decoder-b", (a ? decoderA : decoderB).getParameters()));
        return parameters;
    }

    public List<Parameter> allParameters() {
        List<Parameter> parameters = new ArrayList<>(trainableParameters(true));
        parameters.addAll(decoderB.getParameters().values());
        return parameters;
    }

    /** Faces (NCHW RGB in [0, 1]) through the encoder and the decoder of the identity {@code a} or B. */
    public NDArray render(NDArray faces, boolean a, boolean training) {
        return autoencoder(a).forward(store, new NDList(faces), training).singletonOrThrow();
    }

    public ParameterStore store() {
        return store;
    }

    public AutoencoderSettings settings() {
        return settings;
    }

    public Block encoder() {
        return encoder;
    }

    public Block decoder(boolean a) {
        return a ? decoderA : decoderB;
    }

    private static void write(Path file, Block block) throws IOException {
        BlockFiles.writeWeights(file, block);
    }

    private void read(Path file, Block block, NDManager manager) {
        BlockFiles.readWeights(file, block, manager, settings.describe());
    }
}
