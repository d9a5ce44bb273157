package dev.faceswap4j.model.faceswapgan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code faceswap-gan.json} of a saved model: the network it was built with and the iterations trained. */
record GanState(GanSettings settings, long iteration) {

    static final String FILE_NAME = "faceswap-gan.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    void write(Path dir) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE_NAME).toFile(), this);
    }

    static GanState read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new FaceswapException(dir + " holds no faceswap-GAN model (" + FILE_NAME + " is missing)");
        }
        try {
            return JSON.readValue(file.toFile(), GanState.class);
        } catch (IOException e) {
            throw new FaceswapException("corrupt model file " + file + ": " + Messages.firstLine(e), e);
        }
    }
}
