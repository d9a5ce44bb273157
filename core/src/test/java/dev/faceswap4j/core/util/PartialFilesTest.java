package dev.faceswap4j.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hidden files an output is built in: each process has its own (two converts to one output no longer share one
 * name), those of a dead process go when the next writer comes, and an orderly stop (SIGTERM, as Ctrl-C) removes a
 * process's own.
 */
class PartialFilesTest {

    @TempDir
    Path dir;

    @Test
    void twoProcessesBuildOneOutputUnderTwoNamesAndADeadOnesFileIsRemoved() throws Exception {
        Path output = dir.resolve("out.mp4");
        Process writer = child(output);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            Path theirs = Path.of(out.readLine());
            assertTrue(Files.isRegularFile(theirs), "the child wrote " + theirs);
            Path ours = PartialFiles.beside(output, "video.mp4");
            assertNotEquals(theirs, ours, "one name per process");
            assertEquals(".out.mp4." + ProcessHandle.current().pid() + ".video.mp4", ours.getFileName().toString());
            assertTrue(Files.isRegularFile(theirs), "a running writer's file is left alone");
            PartialFiles.done(ours);

            writer.destroyForcibly(); // kill -9: no shutdown hook runs
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertTrue(Files.isRegularFile(theirs), "kill -9 leaves it");
            PartialFiles.done(PartialFiles.beside(output, "video.mp4"));
            assertFalse(Files.exists(theirs), "the next writer removes a dead process's file");
        } finally {
            writer.destroyForcibly();
        }
    }

    @Test
    void anOrderlyStopRemovesTheFilesStillBeingBuilt() throws Exception {
        Path output = dir.resolve("out.mp4");
        Process writer = child(output);
        BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        Path theirs = Path.of(out.readLine());
        assertTrue(Files.isRegularFile(theirs));
        writer.destroy(); // SIGTERM, as Ctrl-C
        assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(theirs), "removed on the way out");
    }

    private static Process child(Path output) throws Exception {
        return new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                Writer.class.getName(), output.toString()).redirectErrorStream(true).start();
    }

    /** Starts building {@code args[0]}'s hidden video file, says its path, and waits to be stopped. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            Path partial = PartialFiles.beside(Path.of(args[0]), "video.mp4");
            Files.writeString(partial, "half a video");
            System.out.println(partial);
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
