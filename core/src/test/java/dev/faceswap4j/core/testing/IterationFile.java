package dev.faceswap4j.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole checkpoint of a test trainer whose only state is its iteration: a file {@code iteration} in the folder. */
public final class IterationFile {

    private IterationFile() {}

    public static void save(Path dir, long iteration) {
        try {
            Files.writeString(dir.resolve("iteration"), Long.toString(iteration));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long load(Path dir) {
        try {
            return Long.parseLong(Files.readString(dir.resolve("iteration")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
