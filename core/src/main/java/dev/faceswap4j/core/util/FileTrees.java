package dev.faceswap4j.core.util;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Folders built beside their final place and moved in when complete; removing temporary folders. */
public final class FileTrees {

    private static final Logger log = LoggerFactory.getLogger(FileTrees.class);

    private FileTrees() {}

    /** Fails with one line when {@code output} exists and the user did not ask to replace it. */
    public static void checkNew(Path output, boolean overwrite) {
        if (Files.exists(output) && !overwrite) {
            throw new FaceswapException("output " + output + " already exists; pass --overwrite or choose another name");
        }
    }

    /** An empty hidden folder beside {@code target} to build it in ({@code .name.PID.partial}, see {@link PartialFiles}). */
    public static Path partialSibling(Path target) {
        Path partial = PartialFiles.beside(target, "partial");
        deleteQuietly(partial);
        try {
            return Files.createDirectories(partial);
        } catch (IOException e) {
            throw new FaceswapException("cannot write " + target + ": " + Messages.firstLine(e), e);
        }
    }

    /** Moves the complete {@code partial} folder to {@code target}, replacing an existing one only now. */
    public static void replace(Path partial, Path target) {
        try {
            if (Files.exists(target)) {
                deleteQuietly(target);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            PartialFiles.done(partial);
        } catch (IOException e) {
            throw new FaceswapException("cannot move " + partial + " to " + target + ": " + Messages.firstLine(e), e);
        }
    }

    /** Deletes {@code dir} and everything below it; a failure is logged, not thrown (it is clean-up). */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete {}: {}", dir, Messages.firstLine(e));
        }
    }
}
