package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.core.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faceswap4j extract} through the launcher, with the HOG plugin from plugins/ and dlib landmarks. */
class ExtractIT {

    @TempDir
    Path dir;

    @Test
    void extractsTheTwentyFacesOfTheSamplePhotosAndReusesTheAlignments() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        for (int n = 1; n <= 6; n++) {
            Files.copy(TestModels.samplePhoto(n), photos.resolve("sample" + n + ".jpg"));
        }
        Launcher.fetchModels();
        Path faces = dir.resolve("faces");

        Launcher.Result run = Launcher.run(Launcher.stagedDistribution(), 300, "extract", "--input", photos.toString(),
                "--output", faces.toString(), "--no-progress");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("extracted 6 frames, 20 faces, 0 small faces skipped, 0 frames without a face"), run.out());
        try (Stream<Path> files = Files.list(faces)) {
            assertEquals(21, files.count(), "20 crops and alignments.json");
        }

        Launcher.Result again = Launcher.run(Launcher.stagedDistribution(), 300, "extract", "--input", photos.toString(),
                "--output", faces.toString(), "--no-progress");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("alignments reused"), again.out());
    }

    @Test
    void badInputIsOneLineWithExitTwoAndNoOutput() throws Exception {
        Path missing = dir.resolve("missing.mp4");
        Path faces = dir.resolve("faces");
        Launcher.Result run = Launcher.run(Launcher.stagedDistribution(), 120, "extract", "--input", missing.toString(),
                "--output", faces.toString());
        assertEquals(2, run.exit());
        assertEquals("error: input not found: " + missing + "\n", run.err());
        assertFalse(Files.exists(faces.resolve("alignments.json")));
    }
}
