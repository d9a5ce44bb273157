package dev.faceswap4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.FaceswapException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model folder is held by one training at a time: a second process is refused with the holder's PID, the OS frees
 * the folder when the holder is killed (-9), and reading a checkpoint never moves anything in it.
 */
class ModelDirLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondProcessIsRefusedWithTheHoldersPidUntilTheHolderIsKilled() throws Exception {
        Path model = dir.resolve("model");
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), model.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("holding", out.readLine(), "the child took the folder");

            FaceswapException refused = assertThrows(FaceswapException.class, () -> new ModelDir(model).lock());
            assertEquals("model-dir " + model + " is in use by process " + holder.pid()
                    + " (a train or run on it); wait for it to end or stop it, then try again", refused.getMessage());
            assertTrue(Files.isDirectory(model), "the holder's folder is left alone");
        } finally {
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        // kill -9 leaves the .lock file, but not the lock: the OS released it with the process.
        assertTrue(Files.isRegularFile(model.resolve(ModelDirLock.FILE_NAME)));
        try (ModelDirLock lock = new ModelDir(model).lock()) {
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(model.resolve(ModelDirLock.FILE_NAME)));
            assertThrows(FaceswapException.class, () -> new ModelDir(model).lock(), "one hold per folder within a process too");
        }
    }

    @Test
    void aFolderTheLockCreatedIsRemovedWhenNoCheckpointWasWritten() throws Exception {
        Path fresh = dir.resolve("fresh");
        try (ModelDirLock lock = new ModelDir(fresh).lock()) {
            Files.writeString(fresh.resolve(TrainingTarget.FILE_NAME), "{}");
        }
        assertFalse(Files.exists(fresh), "a training that failed before its first checkpoint leaves no folder");

        Path existing = Files.createDirectories(dir.resolve("existing"));
        new ModelDir(existing).lock().close();
        assertTrue(Files.isDirectory(existing), "a folder the user made stays");

        Path saved = dir.resolve("saved");
        try (ModelDirLock lock = new ModelDir(saved).lock()) {
            writeCheckpoint(saved.resolve("checkpoint"), 5);
        }
        assertEquals(5, new ModelDir(saved).latest().orElseThrow().iteration(), "a folder with a checkpoint stays");
    }

    @Test
    void readingACheckpointCutOffBetweenItsRenamesMovesNothingOnlyTheHolderRestoresIt() throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        // What a crash between a save's two renames leaves: the previous checkpoint under its outgoing name.
        writeCheckpoint(model.resolve(".checkpoint-old"), 7);

        ModelDir modelDir = new ModelDir(model);
        assertEquals(7, modelDir.latest().orElseThrow().iteration());
        assertEquals(model.resolve(".checkpoint-old"), modelDir.completeCheckpoint().orElseThrow());
        assertFalse(Files.exists(model.resolve("checkpoint")), "convert and the dashboard only read");
        assertTrue(Files.isDirectory(model.resolve(".checkpoint-old")));

        try (ModelDirLock lock = modelDir.lock()) {
            assertEquals(model.resolve("checkpoint"), modelDir.completeCheckpoint().orElseThrow(), "the trainer restores it");
            assertFalse(Files.exists(model.resolve(".checkpoint-old")));
        }
    }

    @Test
    void aFolderOfOtherFilesGetsNoLockFile() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(documents.resolve("letter.txt"), "mine");
        assertThrows(FaceswapException.class, () -> new ModelDir(documents).lock());
        try (var files = Files.list(documents)) {
            assertEquals(List.of(documents.resolve("letter.txt")), files.toList());
        }
    }

    private static void writeCheckpoint(Path folder, long iteration) throws Exception {
        Files.createDirectories(folder);
        new CheckpointInfo(CheckpointInfo.VERSION, "autoencoder", iteration, 64, 200, 256, 48, "a", "b", 1).write(folder);
    }

    /** Holds the folder of its argument until killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            new ModelDir(Path.of(args[0])).lock();
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
