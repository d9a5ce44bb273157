package dev.faceswap4j.core.pipeline;

import com.typesafe.config.Config;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.convert.ConvertSettings;
import dev.faceswap4j.core.evaluate.Gallery;
import dev.faceswap4j.core.evaluate.SwapEvaluation;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.people.People;
import dev.faceswap4j.core.train.CheckpointInfo;
import dev.faceswap4j.core.train.ModelDir;
import dev.faceswap4j.core.train.TrainSettings;
import dev.faceswap4j.core.train.TrainingLoop;
import dev.faceswap4j.core.video.FrameSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The whole job of {@code faceswap4j run} from one config ({@code faceswap4j.run}): extract A and B, train (or continue)
 * the model, convert, and optionally judge the result and write a before | after sheet — each stage skipped when its
 * output is up to date (faces: same input and extract settings; model: the checkpoint reached train.iterations;
 * result: newer than the checkpoint and the input). Each stage's outcome goes to a listener as it happens; the report
 * holds them all and whether the job got to the end.
 */
public final class RunJob implements Stoppable {

    /**
     * {@code faceswap4j.run}, resolved: the two identities and their reference people, what is converted which way,
     * the work dir and the result, and the optional evaluation and before | after sheet.
     */
    public record Settings(Path a, Path b, List<Path> aReference, List<Path> bReference, Path input, Direction direction, Path workDir,
            Path output, boolean evaluate, boolean beforeAfter) {

        public Settings {
            aReference = List.copyOf(aReference);
            bReference = List.copyOf(bReference);
        }

        public static Settings from(Config run) {
            Path a = requiredPath(run, "a");
            Path b = requiredPath(run, "b");
            Path input = run.getString("convert").isBlank() ? a : Path.of(run.getString("convert"));
            Path workDir = Path.of(run.getString("work-dir"));
            // An image becomes a PNG (lossless: only the face changes), anything else an MP4.
            Path output = run.getString("output").isBlank() ? workDir.resolve("swapped" + (FrameSource.isImage(input) ? ".png" : ".mp4"))
                    : Path.of(run.getString("output"));
            return new Settings(a, b, paths(run, "a-reference"), paths(run, "b-reference"), input, Direction.parse(run.getString("direction")),
                    workDir, output, run.getBoolean("evaluate"), run.getBoolean("before-after"));
        }

        public Path facesA() {
            return workDir.resolve("faces-a");
        }

        public Path facesB() {
            return workDir.resolve("faces-b");
        }

        public Path modelDir() {
            return workDir.resolve("model");
        }

        /** The reference of the person converted: A's (a-to-b) or B's. */
        List<Path> convertedReference() {
            return direction == Direction.A_TO_B ? aReference : bReference;
        }

        private static List<Path> paths(Config run, String key) {
            return run.getStringList(key).stream().map(Path::of).toList();
        }

        private static Path requiredPath(Config run, String key) {
            String value = run.getString(key);
            if (value.isBlank()) {
                throw new FaceswapException("faceswap4j.run." + key + " is not set: name a video, image folder or image in the config");
            }
            return Path.of(value);
        }
    }

    /** What the job did, stage by stage; {@code complete} is false when it stopped before converting (training stopped early). */
    public record Report(List<JobStep> steps, boolean complete) {
        public Report {
            steps = List.copyOf(steps);
        }
    }

    private final Pipeline pipeline;
    private final Settings settings;
    private final boolean progress;
    private volatile boolean stopRequested;
    private volatile TrainingLoop training;

    public RunJob(Pipeline pipeline, Settings settings, boolean progress) {
        this.pipeline = pipeline;
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs the stages that are not up to date; {@code listener} hears of each as it ends. */
    public Report run(Consumer<JobStep> listener) {
        pipeline.checkRun(settings.evaluate());
        List<JobStep> steps = new ArrayList<>();
        Consumer<JobStep> step = s -> {
            steps.add(s);
            listener.accept(s);
        };
        step.accept(extract(settings.a(), settings.facesA(), "A", settings.aReference()));
        step.accept(extract(settings.b(), settings.facesB(), "B", settings.bReference()));
        if (!train(step)) {
            step.accept(new JobStep.TrainingStoppedEarly());
            return new Report(steps, false);
        }
        ConvertSettings convert = convertSettings();
        step.accept(convert(convert));
        Path output = settings.output();
        if (settings.evaluate() && !FrameSource.isImage(output) && Files.isRegularFile(output)) {
            SwapEvaluation.Settings evaluation = SwapEvaluation.settingsFor(settings.direction(), settings.facesA(), settings.facesB(), Map.of(),
                    40, 1, progress).withGallery(Gallery.samplePhotos(pipeline.config()));
            Path report = settings.workDir().resolve("evaluate");
            step.accept(new JobStep.Evaluated(pipeline.evaluate(evaluation, settings.input(), convert.frames(), output, report), report));
        }
        if (settings.beforeAfter() && Files.isRegularFile(settings.input()) && Files.isRegularFile(output)) {
            step.accept(new JobStep.BeforeAfter(Pipeline.writeBeforeAfter(settings.input(), convert.frames(), output)));
        }
        return new Report(steps, true);
    }

    /** Training finishes its step and saves a checkpoint; the job then ends without converting. */
    @Override
    public void requestStop() {
        stopRequested = true;
        TrainingLoop loop = training;
        if (loop != null) {
            loop.requestStop();
        }
    }

    /** Waits for a training in progress to save its checkpoint (nothing else needs waiting for), at most {@code seconds}. */
    @Override
    public boolean awaitFinished(long seconds) throws InterruptedException {
        TrainingLoop loop = training;
        return loop == null || loop.awaitFinished(seconds);
    }

    private JobStep extract(Path input, Path faces, String identity, List<Path> reference) {
        // extract.reference means one person; A and B are two, so each has its own (run.a-reference, run.b-reference).
        UnaryOperator<People> person = people -> reference.isEmpty() ? people : people.withReference(reference);
        Extractor extractor = pipeline.extractor(new Pipeline.ExtractOverrides(null, null, null, person, false), progress);
        if (extractor.upToDate(input, faces)) {
            return new JobStep.Faces(identity, faces, null);
        }
        return new JobStep.Faces(identity, faces, extractor.run(input, faces));
    }

    /** Trains unless the model reached its iterations; false when training ended short of them without a time budget. */
    private boolean train(Consumer<JobStep> step) {
        Path modelDir = settings.modelDir();
        TrainSettings train = TrainSettings.from(pipeline.config().getConfig("faceswap4j.train"));
        Optional<CheckpointInfo> checkpoint = new ModelDir(modelDir).latest();
        if (checkpoint.isPresent() && checkpoint.get().iteration() >= train.iterations()) {
            step.accept(new JobStep.ModelUpToDate(checkpoint.get(), modelDir));
            return true;
        }
        Pipeline.Training training = pipeline.training(train, settings.facesA(), settings.facesB(), modelDir, checkpoint.isPresent(), progress);
        step.accept(new JobStep.TrainingStarts(training, modelDir));
        this.training = training.loop();
        if (stopRequested) {
            return false;
        }
        step.accept(new JobStep.Trained(training.loop().run()));
        // A time budget (train.minutes) ends training on purpose; anything else short of the iterations is a stop.
        return train.minutes() > 0 || new ModelDir(modelDir).latest().map(c -> c.iteration() >= train.iterations()).orElse(false);
    }

    /** convert's settings, the converted person picked by their run reference unless convert.reference names someone. */
    private ConvertSettings convertSettings() {
        ConvertSettings convert = ConvertSettings.from(pipeline.config().getConfig("faceswap4j.convert"));
        List<Path> person = settings.convertedReference();
        if (convert.people().reference().isEmpty() && !person.isEmpty()) {
            convert = convert.withPeople(convert.people().withReference(person));
        }
        return convert;
    }

    private JobStep convert(ConvertSettings convert) {
        Path output = settings.output();
        Path checkpointFile = new ModelDir(settings.modelDir()).checkpoint().resolve(CheckpointInfo.FILE_NAME);
        if (newer(output, checkpointFile) && newer(output, settings.input())) {
            return new JobStep.Converted(output, null);
        }
        return new JobStep.Converted(output,
                pipeline.convert(convert, settings.input(), settings.modelDir(), settings.direction(), output, true, progress));
    }

    /** Whether {@code file} exists and was modified after {@code than} (a folder input counts by its own time). */
    private static boolean newer(Path file, Path than) {
        try {
            if (!Files.exists(file) || !Files.exists(than)) {
                return false;
            }
            FileTime mine = Files.getLastModifiedTime(file);
            return mine.compareTo(Files.getLastModifiedTime(than)) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
