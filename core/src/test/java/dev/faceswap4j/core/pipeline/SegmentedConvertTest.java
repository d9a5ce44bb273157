package dev.faceswap4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.cluster.ClusterEngine;
import dev.faceswap4j.core.config.ConfigLoader;
import dev.faceswap4j.core.convert.ConvertSettings;
import dev.faceswap4j.core.convert.Converter;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.testing.FrameFolders;
import dev.faceswap4j.core.testing.TestImages;
import dev.faceswap4j.core.testing.TestVideos;
import dev.faceswap4j.core.testing.ThreadEngine;
import dev.faceswap4j.core.video.FrameRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Convert cut into segments and joined, against one pass over the same frames: a real face that sways from frame to
 * frame (so landmark smoothing and convert.temporal carry state across every cut), the pass-through model, segments of
 * 24 frames (whole batches of 4) on two slots of {@link ThreadEngine} (tasks serialized as for an executor), each warmed
 * up by the 44 frames the smoothing needs to forget where it started (auto, 41 rounded up to whole batches). The frames must be the same, pixel for
 * pixel; without the warm-up they are not, from the first cut.
 */
class SegmentedConvertTest {

    private static final int FRAMES = 100;
    private static final double RATE = 25;

    private static TestImages.Scene scene;

    @TempDir
    static Path shared;

    private static Path input;
    private static Path modelDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void aSwayingFaceAndATrainedModel() throws Exception {
        scene = TestImages.womanInASmallScene();
        input = TestVideos.withAudio(shared.resolve("swaying.mp4"), FRAMES, RATE, i -> TestImages.swaying(scene, i));
        Pipeline pipeline = pipeline(shared.resolve("work"));
        RunJob.Report report = new RunJob(pipeline, RunJob.Settings.from(pipeline.config().getConfig("faceswap4j.run")), false).run(step -> {});
        assertTrue(report.complete(), "the pass-through model trained");
        modelDir = RunJob.Settings.from(pipeline.config().getConfig("faceswap4j.run")).modelDir();
    }

    private static Pipeline pipeline(Path work) throws IOException {
        Path scenePng = shared.resolve("scene.png");
        if (!Files.exists(scenePng)) {
            OpenCvImages.writeImage(scene.image(), scenePng);
        }
        Path file = Files.writeString(shared.resolve("pipeline.conf"), String.join("\n",
                "faceswap4j {",
                scene.fixedBoxDetector(),
                "  model = pass-through",
                "  train { iterations = 2, batch-size = 1, checkpoint-every = 2, preview-every = 2, loader-threads = 1, seed = 1 }",
                "  run { a = \"" + scenePng + "\", b = \"" + scenePng + "\", work-dir = \"" + work + "\" }",
                "  convert { smooth = 0.4, temporal = 0.3, batch-frames = 4 }",
                "  spark { segment-frames = 25 }",
                "}"));
        Properties jvm = new Properties();
        jvm.putAll(System.getProperties());
        Config conf = new ConfigLoader(SegmentedConvertTest.class.getClassLoader(), jvm).load(file, List.of());
        return new Pipeline(conf, PluginRegistry.discover(SegmentedConvertTest.class.getClassLoader()));
    }

    private static Converter.Summary segmented(Config conf, ClusterEngine engine, Path output) {
        ConvertSettings settings = ConvertSettings.from(conf.getConfig("faceswap4j.convert"));
        return new SegmentedConvert(conf, engine).run(settings, input, modelDir, Direction.A_TO_B, output, false);
    }

    private static Converter.Summary onePass(Pipeline pipeline, Path output) {
        return pipeline.convert(ConvertSettings.from(pipeline.config().getConfig("faceswap4j.convert")), input, modelDir, Direction.A_TO_B, output,
                false, false);
    }

    @Test
    void framesCutIntoSegmentsAreTheFramesOfOnePass() throws Exception {
        Pipeline pipeline = pipeline(dir.resolve("unused"));
        Converter.Summary whole = onePass(pipeline, dir.resolve("one-pass"));
        Converter.Summary cut = segmented(pipeline.config(), new ThreadEngine(2), dir.resolve("segmented"));

        assertEquals(FRAMES, whole.frames());
        assertEquals(whole.frames(), cut.frames(), "frames");
        assertEquals(whole.faces(), cut.faces(), "faces swapped (the warm-up frames are not counted)");
        assertEquals(List.of(), FrameFolders.differences(dir.resolve("one-pass"), dir.resolve("segmented")), "frames that differ: (frame, largest difference)");
        assertEquals(List.of("one-pass", "segmented"), FrameFolders.listing(dir), "no segment or staging folder left behind");
    }

    @Test
    void withoutTheWarmUpTheFramesAtTheCutsDiffer() throws Exception {
        Pipeline pipeline = pipeline(dir.resolve("unused"));
        onePass(pipeline, dir.resolve("one-pass"));
        Config cold = pipeline.config().withValue("faceswap4j.spark.warm-up-frames", ConfigValueFactory.fromAnyRef(0));
        segmented(cold, new ThreadEngine(2), dir.resolve("cold"));

        List<String> differing = FrameFolders.differences(dir.resolve("one-pass"), dir.resolve("cold"));
        assertFalse(differing.isEmpty(), "the smoothing's state matters, so this test can see a missing warm-up");
        assertTrue(differing.get(0).startsWith("(24,"), "the first frame that differs is the second segment's first: " + differing);
    }

    @Test
    void aVideoOfSegmentsHasEveryFrameOnceEvenlyTimedWithTheInputsSoundOnce() throws Exception {
        Pipeline pipeline = pipeline(dir.resolve("unused"));
        Path output = dir.resolve("segmented.mp4");
        segmented(pipeline.config(), new ThreadEngine(2, piece -> piece == 1), output);

        TestVideos.Decoded video = TestVideos.decode(output);
        TestVideos.assertEvenlyTimed(video, FRAMES, RATE);
        TestVideos.assertAudioCopied(input, output);
        assertEquals(List.of("segmented.mp4"), FrameFolders.listing(dir), "a lost attempt and the segments leave nothing behind");
    }

    @Test
    void aFrameRangeIsCutAndItsSoundKept() throws Exception {
        Pipeline pipeline = pipeline(dir.resolve("unused"));
        ConvertSettings settings = ConvertSettings.from(pipeline.config().getConfig("faceswap4j.convert")).withFrames(FrameRange.parse("10:50"));
        new SegmentedConvert(pipeline.config(), new ThreadEngine(2)).run(settings, input, modelDir, Direction.A_TO_B, dir.resolve("part"), false);
        pipeline.convert(settings, input, modelDir, Direction.A_TO_B, dir.resolve("one-pass"), false, false);

        assertEquals(40, FrameFolders.listing(dir.resolve("part")).size());
        assertEquals(40, FrameFolders.listing(dir.resolve("one-pass")).size());
        assertEquals(List.of(), FrameFolders.differences(dir.resolve("one-pass"), dir.resolve("part")));
    }

    @Test
    void aSegmentThatFailsEndsTheJobWithItsErrorAndWritesNothing() throws Exception {
        Pipeline pipeline = pipeline(dir.resolve("unused"));
        Path output = dir.resolve("out.mp4");
        Config broken = pipeline.config().withValue("faceswap4j.convert.color", ConfigValueFactory.fromAnyRef("histogrm"));

        FaceswapException error = assertThrows(FaceswapException.class, () -> segmented(broken, new ThreadEngine(2), output));
        assertTrue(error.getMessage().contains("histogrm"), error.getMessage());
        assertEquals(List.of(), FrameFolders.listing(dir), "nothing at the destination, no staging folder");
    }
}
