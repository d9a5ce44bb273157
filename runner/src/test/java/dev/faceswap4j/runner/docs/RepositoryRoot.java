package dev.faceswap4j.runner.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: the first folder up from the module that holds build.sh and README.md. */
final class RepositoryRoot {

    private RepositoryRoot() {}

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("build.sh")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no build.sh and README.md above " + Path.of("").toAbsolutePath());
    }
}
