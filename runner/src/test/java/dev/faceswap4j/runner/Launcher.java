package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/faceswap4j} of a distribution folder as a user would, for the *IT tests. */
final class Launcher {

    record Result(int exit, String out, String err) {}

    private static boolean modelsFetched;

    private Launcher() {}

    /**
     * Runs {@code models fetch} of the staged distribution once per test JVM, as a user would: the
     * files of every plugin in its plugins/ (a no-op when the default store already has them).
     */
    static synchronized void fetchModels() throws IOException, InterruptedException {
        if (!modelsFetched) {
            Result fetch = run(stagedDistribution(), 900, "models", "fetch");
            assertTrue(fetch.exit() == 0, "models fetch failed: " + fetch.err());
            modelsFetched = true;
        }
    }

    /** The distribution staged by this build ({@code target/faceswap4j}). */
    static Path stagedDistribution() {
        Path dist = Path.of(System.getProperty("faceswap4j.dist", "../target/faceswap4j"));
        assertTrue(Files.isExecutable(dist.resolve("bin/faceswap4j")), "no staged distribution at " + dist + "; run mvn verify");
        return dist;
    }

    /** Starts {@code bin/faceswap4j} with {@code args} in the background, its output into {@code out} and {@code err}. */
    static Process start(Path home, Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/faceswap4j").toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    static Result run(Path home, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/faceswap4j").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("faceswap4j-out", ".txt");
        Path err = Files.createTempFile("faceswap4j-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
