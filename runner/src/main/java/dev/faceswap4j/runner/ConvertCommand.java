package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.core.convert.ConvertSettings;
import dev.faceswap4j.core.convert.Converter;
import dev.faceswap4j.core.pipeline.Pipeline;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.core.video.FrameRange;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "convert", description = "Swap the faces of a video, image folder or image with a trained model; audio is copied.")
final class ConvertCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "VIDEO|FOLDER|IMAGE", description = "What to convert.")
    Path input;

    @Option(names = {"-m", "--model-dir"}, required = true, paramLabel = "DIR", description = "A model-dir written by train.")
    Path modelDir;

    @Option(names = {"-d", "--direction"}, paramLabel = "a-to-b|b-to-a", defaultValue = "a-to-b",
            description = "a-to-b puts B's face on A (default), b-to-a the other way.")
    String direction;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.mp4|OUT.png|FOLDER",
            description = "A video or image file (by extension), or a folder of PNG frames (no extension).")
    Path output;

    @Option(names = "--overwrite", description = "Replace an existing output (only once the new one is complete).")
    boolean overwrite;

    @Option(names = "--frames", paramLabel = "FROM:TO", description = {"Convert only these frames (TO excluded): frame numbers or percent,",
            "e.g. 80%%: for the part of a clip the model was not trained on (default: faceswap4j.convert.frames)."})
    String frames;

    @Mixin
    PeopleOptions people;

    @Mixin
    ClusterOption cluster;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        cluster.applyTo(config);
        Config conf = config.load();
        ConvertSettings settings = ConvertSettings.from(conf.getConfig("faceswap4j.convert"));
        if (frames != null) {
            settings = settings.withFrames(FrameRange.parse(frames));
        }
        settings = settings.withPeople(people.over(settings.people()));
        // A before | after sheet goes with a file made from a file (an output without extension is a folder of frames).
        boolean sheet = Files.isRegularFile(input) && output.getFileName().toString().contains(".");
        if (sheet) {
            // Checked before the work, as the output is: the sheet is an output too.
            FileTrees.checkNew(Pipeline.beforeAfterSheet(output), overwrite);
        }
        Converter.Summary summary = Pipeline.of(conf).convert(settings, input, modelDir, Direction.parse(direction), output, overwrite, !noProgress);
        PrintWriter out = spec.commandLine().getOut();
        out.println("converted " + summary.describe() + " into " + output);
        out.println("per frame: " + summary.perFrame());
        if (sheet && Files.isRegularFile(output)) {
            out.println("before | after: " + Pipeline.writeBeforeAfter(input, settings.frames(), output));
        }
        out.flush();
        return 0;
    }
}
