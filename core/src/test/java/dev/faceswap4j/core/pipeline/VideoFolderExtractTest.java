package dev.faceswap4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.config.ConfigLoader;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.testing.FrameFolders;
import dev.faceswap4j.core.testing.TestImages;
import dev.faceswap4j.core.testing.TestVideos;
import dev.faceswap4j.core.testing.ThreadEngine;
import dev.faceswap4j.core.train.FaceSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extract over a folder of four clips of a real face: one folder of faces per clip, the same crops and alignments one
 * video after another as one task per video on two slots (tasks serialized as for an executor, one attempt lost), a
 * training set that reads them all, a second run that finds them up to date, and a damaged clip that ends the run
 * without leaving what it wrote.
 */
class VideoFolderExtractTest {

    private static final int[] LENGTHS = {12, 20, 8, 16};

    @TempDir
    static Path shared;

    private static Path clips;
    private static Pipeline pipeline;

    @TempDir
    Path dir;

    @BeforeAll
    static void fourClipsOfAFace() throws Exception {
        TestImages.Scene scene = TestImages.womanInASmallScene();
        clips = Files.createDirectories(shared.resolve("clips"));
        for (int c = 0; c < LENGTHS.length; c++) {
            int offset = 7 * c;
            TestVideos.withAudio(clips.resolve("clip-" + c + ".mp4"), LENGTHS[c], 25, i -> TestImages.swaying(scene, i + offset));
        }
        Files.writeString(clips.resolve("notes.txt"), "not a video: left alone");
        Path conf = Files.writeString(shared.resolve("pipeline.conf"), String.join("\n",
                "faceswap4j {",
                scene.fixedBoxDetector(),
                "  extract { every = 2 }",
                "}"));
        Properties jvm = new Properties();
        jvm.putAll(System.getProperties());
        pipeline = new Pipeline(new ConfigLoader(VideoFolderExtractTest.class.getClassLoader(), jvm).load(conf, List.of()),
                PluginRegistry.discover(VideoFolderExtractTest.class.getClassLoader()));
    }

    @Test
    void oneTaskPerVideoGivesTheCropsAndAlignmentsOfOneAfterAnother() throws Exception {
        Path sequential = dir.resolve("sequential");
        Path parallel = dir.resolve("parallel");
        Extractor.Summary one = VideoFolderExtract.run(pipeline, Pipeline.ExtractOverrides.NONE, VideoFolderExtract.videosIn(clips), sequential, null,
                false);
        Extractor.Summary many = VideoFolderExtract.run(pipeline, Pipeline.ExtractOverrides.NONE, VideoFolderExtract.videosIn(clips), parallel,
                new ThreadEngine(2, piece -> piece == 2), false);

        int looked = 0;
        for (int length : LENGTHS) {
            looked += (length + 1) / 2;
        }
        assertEquals(looked, one.faces(), "a face in every frame looked at (every = 2)");
        assertEquals(one.faces(), many.faces());
        assertEquals(List.of("clip-0", "clip-1", "clip-2", "clip-3"), FrameFolders.listing(parallel), "a folder per video, nothing else");
        for (String clip : FrameFolders.listing(sequential)) {
            List<String> files = FrameFolders.listing(sequential.resolve(clip));
            assertEquals(files, FrameFolders.listing(parallel.resolve(clip)), clip);
            for (String file : files) {
                assertArrayEquals(Files.readAllBytes(sequential.resolve(clip).resolve(file)), Files.readAllBytes(parallel.resolve(clip).resolve(file)),
                        clip + "/" + file);
            }
        }
        FaceSet set = FaceSet.read(parallel);
        assertEquals(one.faces(), set.size(), "train reads the faces of every video");
        assertTrue(set.hasEyeMasks(), "with their masks, from each folder's alignments");
    }

    @Test
    void aSecondRunFindsEveryVideoUpToDate() throws Exception {
        Path faces = dir.resolve("faces");
        VideoFolderExtract.run(pipeline, Pipeline.ExtractOverrides.NONE, VideoFolderExtract.videosIn(clips), faces, null, false);
        long written = Files.getLastModifiedTime(faces.resolve("clip-1").resolve(Alignments.FILE_NAME)).toMillis();

        Extractor.Summary again = VideoFolderExtract.run(pipeline, Pipeline.ExtractOverrides.NONE, VideoFolderExtract.videosIn(clips), faces,
                new ThreadEngine(2), false);
        assertTrue(again.reused(), "nothing extracted again");
        assertEquals(0, again.frames());
        assertEquals(written, Files.getLastModifiedTime(faces.resolve("clip-1").resolve(Alignments.FILE_NAME)).toMillis());
    }

    @Test
    void aDamagedVideoEndsTheRunAndTakesBackWhatItWroteButNotWhatWasThere() throws Exception {
        Path withBroken = Files.createDirectories(dir.resolve("clips"));
        for (String clip : List.of("clip-0.mp4", "clip-1.mp4")) {
            Files.copy(clips.resolve(clip), withBroken.resolve(clip));
        }
        Path faces = dir.resolve("faces");
        VideoFolderExtract.run(pipeline, Pipeline.ExtractOverrides.NONE, List.of(withBroken.resolve("clip-0.mp4")), faces, null, false);
        Files.write(withBroken.resolve("clip-2.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3});

        FaceswapException error = assertThrows(FaceswapException.class, () -> VideoFolderExtract.run(pipeline, Pipeline.ExtractOverrides.NONE,
                VideoFolderExtract.videosIn(withBroken), faces, new ThreadEngine(2), false));
        assertTrue(error.getMessage().contains("clip-2.mp4"), "the message names the file: " + error.getMessage());
        assertEquals(List.of("clip-0"), FrameFolders.listing(faces), "the earlier extraction stays, this run's folders go");
        assertFalse(Files.exists(faces.resolve("clip-1")));
    }
}
