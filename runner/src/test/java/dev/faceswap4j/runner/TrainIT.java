package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.train.LossLog;
import dev.faceswap4j.core.train.ModelDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faceswap4j train} through the launcher, as a user stops and repeats it: a second trainer of a model folder in
 * use is refused, SIGTERM saves and says where it stopped, a training that fails at once leaves no folder behind.
 */
class TrainIT {

    /** A narrow autoencoder: a step of 4 faces takes about a second on 2 cores. */
    private static final String[] SMALL = {"--set", "models.autoencoder.encoder-filters=[16, 32, 64, 128]", "--set", "models.autoencoder.encoder-dim=64",
            "--set", "models.autoencoder.bottleneck-filters=32", "--set", "models.autoencoder.decoder-filters=[32, 16, 16]", "--batch-size", "4",
            "--set", "train.checkpoint-every=1000", "--set", "train.preview-every=1000", "--no-progress"};

    @TempDir
    static Path dir;

    private static Path facesA;
    private static Path facesB;

    @BeforeAll
    static void extractTwoPeople() throws Exception {
        Launcher.fetchModels();
        facesA = extract(TestModels.samplePhoto(2), "faces-a");
        facesB = extract(TestModels.samplePhoto(3), "faces-b");
    }

    @Test
    void aSecondTrainerIsRefusedWithTheHoldersPidAndSigtermSavesWithItsStoppedAtLine() throws Exception {
        Path model = dir.resolve("model");
        Path out = dir.resolve("first.out");
        Process first = Launcher.start(Launcher.stagedDistribution(), out, dir.resolve("first.err"),
                train(model, "--iterations", "100000"));
        try {
            awaitRows(model, 2, first);
            Launcher.Result second = Launcher.run(Launcher.stagedDistribution(), 300, train(model, "--iterations", "100000"));
            assertEquals(2, second.exit(), second.err());
            assertEquals("error: model-dir " + model + " is in use by process " + first.pid()
                    + " (a train or run on it); wait for it to end or stop it, then try again\n", second.err());

            first.destroy(); // SIGTERM, as `kill` or a service manager sends
            assertTrue(first.waitFor(300, TimeUnit.SECONDS), "SIGTERM ends the training");
        } finally {
            first.destroyForcibly();
        }
        long saved = new ModelDir(model).latest().orElseThrow().iteration();
        List<Long> iterations = Files.readAllLines(model.resolve(LossLog.FILE_NAME)).stream().skip(1).map(row -> Long.parseLong(row.split(",")[0]))
                .toList();
        assertEquals(LongStream.rangeClosed(1, saved).boxed().toList(), iterations, "one row per iteration up to the checkpoint, none twice");
        String printed = Files.readString(out);
        assertTrue(printed.contains("stopped at iteration " + saved + " ("), printed);
        assertTrue(printed.endsWith("continue with the same command and --resume\n"), printed);
    }

    @Test
    void aTrainingThatFailsBeforeItsFirstCheckpointLeavesNoModelFolder() throws Exception {
        // Crops without extract's alignments.json: cpu-fast's learned mask needs their landmarks and fails at its first step.
        Path bare = Files.createDirectories(dir.resolve("bare"));
        try (Stream<Path> crops = Files.list(facesA)) {
            for (Path crop : crops.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.copy(crop, bare.resolve(crop.getFileName()));
            }
        }
        Path model = dir.resolve("never");
        Launcher.Result run = Launcher.run(Launcher.stagedDistribution(), 300, "train", "--preset", "cpu-fast", "-A", bare.toString(), "-B",
                facesB.toString(), "-m", model.toString(), "--iterations", "1", "--no-progress");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().endsWith("error: the autoencoder's learned mask needs the faces' landmarks: train on face folders written by"
                + " faceswap4j extract (with their alignments.json)\n"), run.err());
        assertFalse(Files.exists(model), "no model folder left behind");
    }

    private static String[] train(Path model, String... more) {
        return Stream.of(new String[] {"train", "-A", facesA.toString(), "-B", facesB.toString(), "-m", model.toString()}, more, SMALL)
                .flatMap(Stream::of).toArray(String[]::new);
    }

    private static Path extract(Path photo, String name) throws Exception {
        Path faces = dir.resolve(name);
        Launcher.Result run = Launcher.run(Launcher.stagedDistribution(), 300, "extract", "--input", photo.toString(), "--output",
                faces.toString(), "--set", "extract.largest-only=true", "--no-progress");
        assertEquals(0, run.exit(), run.err());
        return faces;
    }

    /** Waits until {@code model}'s losses.csv has {@code rows} rows of iterations. */
    private static void awaitRows(Path model, int rows, Process training) throws Exception {
        Path csv = model.resolve(LossLog.FILE_NAME);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < end) {
            if (Files.isRegularFile(csv) && Files.readAllLines(csv).size() > rows) {
                return;
            }
            assertTrue(training.isAlive(), "the training ended early");
            Thread.sleep(500);
        }
        throw new AssertionError("no " + rows + " iterations in " + csv);
    }
}
