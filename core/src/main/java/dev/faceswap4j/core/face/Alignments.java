package dev.faceswap4j.core.face;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.video.FrameRange;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The alignments file ({@code alignments.json} in the faces folder): per frame, per face the box,
 * score, 68 landmarks, the frame → crop matrix and the crop's file name; plus what it was made
 * from (input, crop settings, frame range, whose faces), so a re-run can tell whether it still applies.
 *
 * @param people the reference-person selection ({@code People.describe()}; empty = everyone)
 */
public record Alignments(int version, String input, long inputBytes, long inputModified, int cropSize, double padding,
        int every, boolean largestOnly, List<FrameRecord> frames, String range, String people) {

    public static final int VERSION = 1;
    public static final String FILE_NAME = "alignments.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Alignments {
        frames = List.copyOf(frames);
        // Files written before frame ranges existed covered every frame.
        range = range == null ? FrameRange.ALL.toString() : range;
        people = people == null ? "" : people;
    }

    public Alignments withFrames(List<FrameRecord> kept) {
        return new Alignments(version, input, inputBytes, inputModified, cropSize, padding, every, largestOnly, kept, range, people);
    }

    public int faceCount() {
        return frames.stream().mapToInt(f -> f.faces().size()).sum();
    }

    /**
     * Whether these alignments were made from the same input with the same settings: everything but the frames found
     * is what they were made from, so a field added to this record takes part without a change here.
     */
    public boolean matches(Alignments other) {
        return withFrames(List.of()).equals(other.withFrames(List.of()));
    }

    public static Alignments read(Path file) {
        try {
            Alignments alignments = JSON.readValue(file.toFile(), Alignments.class);
            if (alignments.version() != VERSION) {
                throw new FaceswapException(file + " has alignments version " + alignments.version() + ", this build reads " + VERSION);
            }
            return alignments;
        } catch (IOException e) {
            throw new FaceswapException("cannot read alignments file " + file + ": " + Messages.firstLine(e), e);
        }
    }

    /** Writes to a temporary file beside the target, then renames it over the target. */
    public void write(Path file) {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FaceswapException("cannot write alignments file " + file + ": " + Messages.firstLine(e), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
