package dev.faceswap4j.model.autoencoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code autoencoder.json} of a saved model: the network it was built with and the iterations trained. */
record TrainerState(AutoencoderSettings settings, long iteration) {

    private static final ObjectMapper JSON = new ObjectMapper();

    void write(Path dir) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(AutoencoderTrainer.STATE_FILE).toFile(), this);
    }

    static TrainerState read(Path dir) {
        Path file = dir.resolve(AutoencoderTrainer.STATE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new FaceswapException(dir + " holds no autoencoder model (" + AutoencoderTrainer.STATE_FILE + " is missing)");
        }
        try {
            return JSON.readValue(file.toFile(), TrainerState.class);
        } catch (IOException e) {
            throw new FaceswapException("corrupt model file " + file + ": " + Messages.firstLine(e), e);
        }
    }
}
