package dev.faceswap4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.config.ConfigLoader;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.testing.TestImages;
import dev.faceswap4j.core.testing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s job without the CLI, on a real face (the woman of sample photo 2, found by dlib once) with the test
 * {@code pass-through} model: a training stopped on request ends the job before convert with an incomplete report, the
 * next run continues the training and converts, and the run after that finds every stage up to date.
 */
class RunJobTest {

    private static Path scene;
    private static Rect face;

    @TempDir
    Path dir;

    @BeforeAll
    static void aRealFaceInASmallScene(@TempDir Path shared) {
        TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68);
        TestImages.Scene small = TestImages.womanInASmallScene();
        scene = shared.resolve("scene.png");
        OpenCvImages.writeImage(small.image(), scene);
        face = small.face();
    }

    @AfterEach
    void forgetTheStepWatcher() {
        PassThroughModelProvider.onStep = iteration -> {};
    }

    @Test
    void aStoppedTrainingEndsTheJobTheNextRunContinuesAndAThirdFindsEverythingUpToDate() throws IOException {
        Path work = dir.resolve("work");
        Pipeline pipeline = new Pipeline(config(work), PluginRegistry.discover(getClass().getClassLoader()));
        RunJob.Settings settings = RunJob.Settings.from(pipeline.config().getConfig("faceswap4j.run"));
        assertEquals(work.resolve("swapped.png"), settings.output(), "an image input gives a PNG in the work dir");

        RunJob first = new RunJob(pipeline, settings, false);
        PassThroughModelProvider.onStep = iteration -> {
            if (iteration == 2) {
                first.requestStop(); // as Ctrl-C does
            }
        };
        List<String> lines = new ArrayList<>();
        RunJob.Report stopped = first.run(step -> lines.add(step.describe()));
        assertFalse(stopped.complete());
        assertEquals(List.of(JobStep.Faces.class, JobStep.Faces.class, JobStep.TrainingStarts.class, JobStep.Trained.class,
                JobStep.TrainingStoppedEarly.class), kinds(stopped));
        assertEquals(stopped.steps().stream().map(JobStep::describe).toList(), lines, "the listener heard every step, in order");
        JobStep.Trained trained = (JobStep.Trained) stopped.steps().get(3);
        assertTrue(trained.result().stopped());
        assertEquals(2, trained.result().iteration());
        assertTrue(lines.get(3).endsWith(System.lineSeparator() + "continue with the same command and --resume"), lines.get(3));
        assertEquals("training stopped early; run again to continue", lines.get(4));
        assertTrue(lines.get(0).startsWith("faces of A: 1 frames, 1 faces"), lines.get(0));
        assertFalse(Files.exists(settings.output()), "nothing converted after the stop");

        PassThroughModelProvider.onStep = iteration -> {};
        RunJob.Report continued = new RunJob(pipeline, settings, false).run(step -> {});
        assertTrue(continued.complete());
        assertEquals(List.of(JobStep.Faces.class, JobStep.Faces.class, JobStep.TrainingStarts.class, JobStep.Trained.class,
                JobStep.Converted.class, JobStep.BeforeAfter.class), kinds(continued));
        assertNull(((JobStep.Faces) continued.steps().get(0)).summary(), "faces of A up to date");
        assertEquals("faces of B: up to date in " + settings.facesB(), continued.steps().get(1).describe());
        JobStep.Trained resumed = (JobStep.Trained) continued.steps().get(3);
        assertEquals(2, resumed.result().startIteration());
        assertEquals(4, resumed.result().iteration());
        JobStep.Converted converted = (JobStep.Converted) continued.steps().get(4);
        assertNotNull(converted.summary());
        assertEquals(1, converted.summary().faces());
        assertTrue(Files.isRegularFile(settings.output()));
        assertEquals(work.resolve("swapped-before-after.png"), ((JobStep.BeforeAfter) continued.steps().get(5)).sheet());

        RunJob.Report again = new RunJob(pipeline, settings, false).run(step -> {});
        assertTrue(again.complete());
        assertEquals(List.of("faces of A: up to date in " + settings.facesA(), "faces of B: up to date in " + settings.facesB(),
                String.format(Locale.ROOT, "model: up to date (pass-through, 4 iterations) in %s", settings.modelDir()),
                "converted: up to date (" + settings.output() + ")", "before | after: " + work.resolve("swapped-before-after.png")),
                again.steps().stream().map(JobStep::describe).toList());
    }

    /** A typo in a stage only convert uses fails before extract reads a frame or training starts. */
    @Test
    void aMistakeInALaterStageFailsBeforeTheFirstFrame() throws IOException {
        Path work = dir.resolve("work");
        Pipeline pipeline = new Pipeline(config(work).withValue("faceswap4j.convert.color", ConfigValueFactory.fromAnyRef("histogrm")),
                PluginRegistry.discover(getClass().getClassLoader()));
        RunJob job = new RunJob(pipeline, RunJob.Settings.from(pipeline.config().getConfig("faceswap4j.run")), false);
        List<JobStep> steps = new ArrayList<>();
        FaceswapException e = assertThrows(FaceswapException.class, () -> job.run(steps::add));
        assertTrue(e.getMessage().contains("histogrm"), e.getMessage());
        assertEquals(List.of(), steps, "no stage ran");
        assertFalse(Files.exists(work.resolve("faces-a")), "nothing extracted");
    }

    private static List<Class<?>> kinds(RunJob.Report report) {
        return report.steps().stream().<Class<?>>map(Object::getClass).toList();
    }

    /** The scene as A and B, its face where the test detector reports it, four iterations of the pass-through model. */
    private Config config(Path work) throws IOException {
        Path file = Files.writeString(dir.resolve("pipeline.conf"), String.join("\n",
                "faceswap4j {",
                "  detector = fixed-box",
                String.format(Locale.ROOT, "  detectors.fixed-box { x = %f, y = %f, size = %f, score = 1 }", face.x(), face.y(), face.width()),
                "  model = pass-through",
                "  train { iterations = 4, batch-size = 1, checkpoint-every = 2, preview-every = 2, loader-threads = 1, seed = 1 }",
                "  run { a = \"" + scene + "\", b = \"" + scene + "\", work-dir = \"" + work + "\" }",
                "}"));
        Properties jvm = new Properties();
        jvm.putAll(System.getProperties());
        return new ConfigLoader(getClass().getClassLoader(), jvm).load(file, List.of());
    }
}
