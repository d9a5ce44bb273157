package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.convert.ConvertSettings;
import dev.faceswap4j.core.convert.Converter;
import dev.faceswap4j.core.evaluate.EvaluationReport;
import dev.faceswap4j.core.evaluate.SwapEvaluation;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.people.People;
import dev.faceswap4j.core.pipeline.Pipeline;
import dev.faceswap4j.core.train.CheckpointInfo;
import dev.faceswap4j.core.train.ModelDir;
import dev.faceswap4j.core.train.TrainSettings;
import dev.faceswap4j.core.video.FrameSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", description = {"The whole job from one config (faceswap4j.run): extract A and B, train, convert; stages that are",
        "up to date are skipped. Without --config: the built-in demo (two people of the sample photos, a lite model, a few minutes)."})
final class RunCommand implements Callable<Integer> {

    /** The built-in default `run` uses without --config. */
    static final String DEMO_CONFIG = "faceswap4j-demo.conf";
    /** The built-in demos by name: {@code faceswap4j-demo-NAME.conf} on the class path ("photo" is the default one). */
    static final List<String> DEMOS = List.of("photo", "talking-heads");

    @Mixin
    ConfigOptions config;

    @Option(names = "--demo", paramLabel = "photo|talking-heads", description = {"Without --config: which built-in demo (default photo;",
            "talking-heads swaps the two talking-head clips of ../shared/data and evaluates the result)."})
    String demo;

    @Option(names = "--no-progress", description = "No progress bars.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        String builtIn = demoConfig();
        Config conf = config.load(builtIn);
        PrintWriter out = spec.commandLine().getOut();
        if (!config.hasFile()) {
            out.println("no --config: running the built-in demo (" + builtIn + ")");
        }
        Config run = conf.getConfig("faceswap4j.run");
        Path a = requiredPath(run, "a");
        Path b = requiredPath(run, "b");
        Path input = run.getString("convert").isBlank() ? a : Path.of(run.getString("convert"));
        Path workDir = Path.of(run.getString("work-dir"));
        Path output = run.getString("output").isBlank() ? workDir.resolve("swapped" + outputExtension(input)) : Path.of(run.getString("output"));
        Direction direction = Direction.parse(run.getString("direction"));
        boolean progress = !noProgress;

        Path facesA = workDir.resolve("faces-a");
        Path facesB = workDir.resolve("faces-b");
        List<Path> referenceA = paths(run, "a-reference");
        List<Path> referenceB = paths(run, "b-reference");
        Pipeline pipeline = Pipeline.of(conf);
        extract(pipeline, a, facesA, "A", referenceA, progress, out);
        extract(pipeline, b, facesB, "B", referenceB, progress, out);

        Path modelDir = workDir.resolve("model");
        TrainSettings train = TrainSettings.from(conf.getConfig("faceswap4j.train"));
        Optional<CheckpointInfo> checkpoint = new ModelDir(modelDir).latest();
        if (checkpoint.isPresent() && checkpoint.get().iteration() >= train.iterations()) {
            out.printf(Locale.ROOT, "model: up to date (%s, %d iterations) in %s%n", checkpoint.get().model(), checkpoint.get().iteration(), modelDir);
        } else {
            TrainCommand.train(pipeline, train, facesA, facesB, modelDir, checkpoint.isPresent(), progress, out);
            // A time budget (train.minutes) ends training on purpose; anything else short of the iterations is a stop.
            if (train.minutes() == 0 && new ModelDir(modelDir).latest().map(c -> c.iteration() < train.iterations()).orElse(true)) {
                out.println("training stopped early; run again to continue");
                return 1;
            }
        }

        Path checkpointFile = new ModelDir(modelDir).checkpoint().resolve(CheckpointInfo.FILE_NAME);
        ConvertSettings convert = ConvertSettings.from(conf.getConfig("faceswap4j.convert"));
        // The person converted is A's (a-to-b) or B's: their reference picks them unless convert.reference names someone.
        List<Path> convertedPerson = direction == Direction.A_TO_B ? referenceA : referenceB;
        if (convert.people().reference().isEmpty() && !convertedPerson.isEmpty()) {
            convert = convert.withPeople(convert.people().withReference(convertedPerson));
        }
        if (newer(output, checkpointFile) && newer(output, input)) {
            out.println("converted: up to date (" + output + ")");
        } else {
            Converter.Summary summary = pipeline.convert(convert, input, modelDir, direction, output, true, progress);
            out.println("converted " + summary.describe() + " into " + output);
        }
        if (run.getBoolean("evaluate") && !FrameSource.isImage(output) && Files.isRegularFile(output)) {
            SwapEvaluation.Settings settings = SwapEvaluation.settingsFor(direction, facesA, facesB, Map.of(), 40, 1, progress);
            Path report = workDir.resolve("evaluate");
            SwapEvaluation.Result result = pipeline.evaluate(settings, input, convert.frames(), output, report);
            out.print(EvaluationReport.markdown(result.summary()));
            out.println("evaluation: " + report);
        }
        if (run.getBoolean("before-after") && Files.isRegularFile(input) && Files.isRegularFile(output)) {
            out.println("before | after: " + Pipeline.writeBeforeAfter(input, convert.frames(), output));
        }
        out.flush();
        return 0;
    }

    private String demoConfig() {
        if (demo == null || demo.equals("photo")) {
            return DEMO_CONFIG;
        }
        if (config.hasFile()) {
            throw new FaceswapException("--demo and --config exclude each other: a demo is a built-in config");
        }
        if (!DEMOS.contains(demo)) {
            throw new FaceswapException("unknown demo '" + demo + "'; available: " + String.join(", ", DEMOS));
        }
        return "faceswap4j-demo-" + demo + ".conf";
    }

    private void extract(Pipeline pipeline, Path input, Path faces, String identity, List<Path> reference, boolean progress, PrintWriter out) {
        // extract.reference means one person; A and B are two, so each has its own (run.a-reference, run.b-reference).
        UnaryOperator<People> person = people -> reference.isEmpty() ? people : people.withReference(reference);
        Extractor extractor = pipeline.extractor(new Pipeline.ExtractOverrides(null, null, null, person, false), progress);
        if (extractor.upToDate(input, faces)) {
            out.printf(Locale.ROOT, "faces of %s: up to date in %s%n", identity, faces);
            return;
        }
        Extractor.Summary summary = extractor.run(input, faces);
        out.printf(Locale.ROOT, "faces of %s: %s into %s%n", identity, summary.describe(), faces);
        out.flush();
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

    /** An image becomes a PNG (lossless: only the face changes), anything else an MP4. */
    private static String outputExtension(Path input) {
        return FrameSource.isImage(input) ? ".png" : ".mp4";
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
