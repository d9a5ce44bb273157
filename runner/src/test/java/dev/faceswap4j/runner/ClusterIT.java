package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.core.testing.FrameFolders;
import dev.faceswap4j.core.testing.TestImages;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.testing.TestVideos;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cluster} through the launcher, on Apache Spark: embedded ({@code local[2]}) and a standalone master and
 * worker started from the distribution's {@code plugins/spark} on 127.0.0.1. A clip of a real face swaying (so the
 * landmark smoothing carries state over every cut) converted by a small trained autoencoder: the frames of a run cut
 * into segments are those of one pass; a video has every frame once, evenly timed, with the input's sound bit for bit;
 * a folder of clips extracts to the same crops as one after another; workers without the distribution and an unreachable
 * master are one line each, with nothing written.
 */
class ClusterIT {

    private static final int FRAMES = 60;
    private static final double RATE = 25;
    private static final String[] CUT = {"--set", "convert.smooth=0.4", "--set", "spark.segment-frames=20", "--no-progress"};

    @TempDir
    static Path dir;

    private static Path clip;
    private static Path model;
    private static Path onePass;

    @BeforeAll
    static void aClipAndASmallTrainedModel() throws Exception {
        Launcher.fetchModels();
        TestImages.Scene scene = TestImages.womanInASmallScene();
        clip = TestVideos.withAudio(dir.resolve("swaying.mp4"), FRAMES, RATE, i -> TestImages.swaying(scene, i));
        Path facesA = extract(TestModels.samplePhoto(2).toString(), dir.resolve("faces-a"));
        Path facesB = extract(TestModels.samplePhoto(3).toString(), dir.resolve("faces-b"));
        model = dir.resolve("model");
        ok(cli("train", "-A", facesA.toString(), "-B", facesB.toString(), "-m", model.toString(), "--iterations", "2", "--batch-size", "4",
                "--set", "models.autoencoder.encoder-filters=[16, 32, 64, 128]", "--set", "models.autoencoder.encoder-dim=64",
                "--set", "models.autoencoder.bottleneck-filters=32", "--set", "models.autoencoder.decoder-filters=[32, 16, 16]", "--no-progress"));
        onePass = dir.resolve("one-pass");
        ok(convert(onePass));
        assertEquals(FRAMES, FrameFolders.listing(onePass).size());
    }

    @Test
    void theEmbeddedEngineGivesTheFramesOfOnePass() throws Exception {
        Path out = dir.resolve("local");
        Launcher.Result run = ok(convert(out, "--cluster", "local[2]"));
        assertTrue(run.out().startsWith("converted " + FRAMES + " frames"), run.out());
        assertEquals(List.of(), FrameFolders.differences(onePass, out), "frames that differ: (frame, largest difference)");
        assertNoPartialFiles();
    }

    @Test
    void aVideoOfSegmentsHasEveryFrameOnceEvenlyTimedWithTheInputsSound() throws Exception {
        Path out = dir.resolve("local.mp4");
        Launcher.Result run = ok(convert(out, "--cluster", "local[2]"));
        assertTrue(run.err().contains("streams copied"), "joined without encoding again: " + run.err());
        TestVideos.assertEvenlyTimed(TestVideos.decode(out), FRAMES, RATE);
        TestVideos.assertAudioCopied(clip, out);
        assertNoPartialFiles();
    }

    @Test
    void aStandaloneClusterConvertsAndExtractsAsOneProcessDoes() throws Exception {
        int port = freePort();
        Path spark = Launcher.stagedDistribution().resolve("plugins/spark/bin/faceswap4j-spark");
        List<Process> daemons = new ArrayList<>();
        try {
            daemons.add(0, daemon(spark, "master", "master", "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port",
                    Integer.toString(freePort())));
            awaitListening(port, daemons.get(0));
            daemons.add(0, daemon(spark, "worker", "worker", "spark://127.0.0.1:" + port, "--host", "127.0.0.1", "--cores", "2", "--memory", "2g",
                    "--webui-port", Integer.toString(freePort()), "--work-dir", dir.resolve("spark-work").toString()));
            String master = "spark://127.0.0.1:" + port;

            Path out = dir.resolve("standalone");
            ok(convert(out, "--cluster", master));
            assertEquals(List.of(), FrameFolders.differences(onePass, out), "frames that differ: (frame, largest difference)");

            Path nowhere = dir.resolve("no-distribution.mp4");
            Launcher.Result missing = convert(nowhere, "--cluster", master, "--set", "spark.home=" + dir.resolve("not-installed"), "--set",
                    "spark.executor-wait=20s");
            assertEquals(2, missing.exit(), missing.err());
            assertTrue(missing.err().contains("is faceswap4j installed on every worker at " + dir.resolve("not-installed")), missing.err());
            assertEquals(1, missing.err().strip().lines().count(), "one line: " + missing.err());
            assertFalse(Files.exists(nowhere));

            Path clips = Files.createDirectories(dir.resolve("clips"));
            Files.copy(clip, clips.resolve("first.mp4"));
            Files.copy(clip, clips.resolve("second.mov"));
            Path alone = dir.resolve("faces-one-by-one");
            Path together = dir.resolve("faces-on-spark");
            ok(cli("extract", "-i", clips.toString(), "-o", alone.toString(), "--every", "6", "--no-progress"));
            ok(cli("extract", "-i", clips.toString(), "-o", together.toString(), "--every", "6", "--no-progress", "--cluster", master));
            assertEquals(List.of("first", "second"), FrameFolders.listing(together));
            for (String video : List.of("first", "second")) {
                List<String> files = FrameFolders.listing(alone.resolve(video));
                assertEquals(files, FrameFolders.listing(together.resolve(video)));
                assertEquals(FRAMES / 6 + 1, files.size(), "a crop per frame looked at, and alignments.json");
                for (String file : files) {
                    assertArrayEquals(Files.readAllBytes(alone.resolve(video).resolve(file)), Files.readAllBytes(together.resolve(video).resolve(file)),
                            video + "/" + file);
                }
            }
        } finally {
            for (Process daemon : daemons) { // the worker's executors end with it, the master last
                daemon.destroy();
                if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly();
                }
            }
        }
        assertNoPartialFiles();
    }

    @Test
    void anUnreachableMasterIsOneLineAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("never.mp4");
        Launcher.Result run = convert(out, "--cluster", "spark://127.0.0.1:" + freePort());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().startsWith("error: cluster spark://127.0.0.1:"), run.err());
        assertTrue(run.err().contains("no Spark master answers"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(out));
    }

    private static Launcher.Result convert(Path out, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("convert", "-i", clip.toString(), "-m", model.toString(), "-o", out.toString()));
        args.addAll(List.of(CUT));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    private static Path extract(String input, Path faces) throws Exception {
        ok(cli("extract", "--input", input, "--output", faces.toString(), "--set", "extract.largest-only=true", "--no-progress"));
        return faces;
    }

    private static Launcher.Result cli(String... args) throws Exception {
        return Launcher.run(Launcher.stagedDistribution(), 600, args);
    }

    private static Launcher.Result ok(Launcher.Result run) {
        assertEquals(0, run.exit(), run.err());
        return run;
    }

    private static Process daemon(Path script, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    /** Waits until the master accepts connections (the worker then registers; convert waits for its executor). */
    private static void awaitListening(int port, Process master) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end && master.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                Thread.sleep(500);
            }
        }
        throw new AssertionError("the Spark master did not listen on " + port + ": " + Files.readString(dir.resolve("master.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** No hidden segment, staging or partial file beside the outputs. */
    private static void assertNoPartialFiles() throws IOException {
        List<String> hidden = FrameFolders.listing(dir).stream().filter(name -> name.startsWith(".")).toList();
        assertEquals(List.of(), hidden);
    }
}
