package dev.faceswap4j.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The real 720p clips in {@code ../shared/data} (not part of the project; tests skip without them). */
public final class TestData {

    private TestData() {}

    public static Optional<Path> sharedVideo(String name) {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static String missingMessage(String name) {
        return "../shared/data/" + name + " is not here (third-party clip, not in the project): skipped";
    }
}
