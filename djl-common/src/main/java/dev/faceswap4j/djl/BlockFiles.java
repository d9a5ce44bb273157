package dev.faceswap4j.djl;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.faceswap4j.api.FaceswapException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A block's weights and an optimizer's state in files of a checkpoint folder, with one-line errors. */
public final class BlockFiles {

    private static final int BUFFER = 1 << 20;

    private BlockFiles() {}

    public static void writeWeights(Path file, Block block) throws IOException {
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER))) {
            block.saveParameters(out);
        }
    }

    /** Replaces {@code block}'s weights by those in {@code file}; {@code network} describes the model for messages. */
    public static void readWeights(Path file, Block block, NDManager manager, String network) {
        if (!Files.isRegularFile(file)) {
            throw new FaceswapException("model weights " + file + " are missing");
        }
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
            // Loading replaces each parameter's array; free the old ones now rather than with the manager.
            block.getParameters().values().forEach(Parameter::close);
            block.loadParameters(manager, in);
            if (in.read() != -1) {
                throw new IOException("unexpected bytes after the weights");
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new FaceswapException("corrupt model weights " + file + " (" + network + "): " + e.getMessage(), e);
        }
    }

    public static void writeAdam(Path file, ResumableAdam adam) throws IOException {
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER))) {
            adam.save(out);
        }
    }

    public static void readAdam(Path file, ResumableAdam adam) {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
            adam.load(in);
        } catch (IOException | RuntimeException e) {
            throw new FaceswapException("corrupt optimizer state " + file + ": " + e.getMessage(), e);
        }
    }
}
