package dev.faceswap4j.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code checkpoint.json}: which model plugin wrote a checkpoint, after how many iterations, and how its
 * faces relate to the aligned crops — what convert needs to cut the same face out of a frame.
 *
 * @param model provider name ({@code faceswap4j.model})
 * @param faceSize side of the model's face, pixels
 * @param coverage side of the crop's central square the model sees, pixels of a 256 px crop
 * @param cropSize side of the aligned crops trained on
 * @param padding border of those crops around the mean-face square, pixels (as extract wrote them)
 * @param learningRateFactor what the training guard's roll-backs left of the configured learning rate (1 = all of it),
 *     kept by a resumed run
 */
public record CheckpointInfo(int version, String model, long iteration, int faceSize, double coverage, int cropSize, double padding,
        String facesA, String facesB, double learningRateFactor) {

    public CheckpointInfo {
        // Written before the guard existed: the learning rate as configured.
        learningRateFactor = learningRateFactor > 0 ? learningRateFactor : 1;
    }

    public static final int VERSION = 1;
    public static final String FILE_NAME = "checkpoint.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static CheckpointInfo read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new FaceswapException(dir + " is not a faceswap4j checkpoint (" + FILE_NAME + " is missing)");
        }
        try {
            CheckpointInfo info = JSON.readValue(file.toFile(), CheckpointInfo.class);
            if (info.version() != VERSION) {
                throw new FaceswapException(file + " has checkpoint version " + info.version() + ", this build reads " + VERSION);
            }
            return info;
        } catch (IOException e) {
            throw new FaceswapException("corrupt checkpoint file " + file + ": " + Messages.firstLine(e), e);
        }
    }

    void write(Path dir) throws IOException {
        JSON.writeValue(dir.resolve(FILE_NAME).toFile(), this);
    }
}
