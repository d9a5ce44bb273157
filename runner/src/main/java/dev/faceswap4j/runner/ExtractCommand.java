package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.people.People;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.video.FrameRange;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "extract", description = "Detect, landmark and align every face of a video or image folder; write aligned crops and alignments.json.")
final class ExtractCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "VIDEO|FOLDER", description = "A video FFmpeg reads, or a folder of images.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FACES_DIR", description = "Folder for the aligned faces (new, empty, or an earlier extract of the same input).")
    Path output;

    @Option(names = "--every", paramLabel = "N", description = "Look at every N-th frame only (default: faceswap4j.extract.every).")
    Integer every;

    @Option(names = "--min-size", paramLabel = "PX", description = "Skip faces smaller than PX pixels (default: faceswap4j.extract.min-size).")
    Double minSize;

    @Option(names = "--frames", paramLabel = "FROM:TO", description = {"Look only at these frames (TO excluded): frame numbers or percent,",
            "e.g. 0:80%% to keep the rest of a clip unseen (default: faceswap4j.extract.frames)."})
    String frames;

    @Mixin
    PeopleOptions people;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config conf = config.load();
        Extractor.Summary summary = extractor(conf, new Overrides(every, minSize, frames, people::over, false), !noProgress).run(input, output);
        PrintWriter out = spec.commandLine().getOut();
        out.println("extracted " + summary.describe() + " into " + output);
        out.println("per frame: " + summary.perFrame());
        out.flush();
        return 0;
    }

    /**
     * What a command changes of the extract section: {@code every}, {@code minSize} and {@code frames} when not null,
     * the person selection, and whether descriptors are kept.
     */
    record Overrides(Integer every, Double minSize, String frames, UnaryOperator<People> people, boolean keepDescriptors) {
        static final Overrides NONE = new Overrides(null, null, null, UnaryOperator.identity(), false);
    }

    /** The configured detector and landmarks (and the embedder when faces are chosen by person), with {@code overrides}. */
    static Extractor extractor(Config conf, Overrides overrides, boolean progress) {
        Config extract = conf.getConfig("faceswap4j.extract");
        People people = overrides.people().apply(People.from(extract));
        Extractor.Settings settings = new Extractor.Settings(extract.getInt("crop-size"), extract.getDouble("padding"),
                overrides.every() != null ? overrides.every() : extract.getInt("every"),
                overrides.minSize() != null ? overrides.minSize() : extract.getDouble("min-size"), extract.getBoolean("largest-only"), progress,
                FrameRange.parse(overrides.frames() != null ? overrides.frames() : extract.getString("frames")), people,
                overrides.keepDescriptors());
        PluginRegistry registry = PluginRegistry.discover(Thread.currentThread().getContextClassLoader());
        FaceStages stages = FaceStages.from(registry, conf);
        return new Extractor(stages.detector(), stages.landmarks(), stages.embedderIf(people.filters() || overrides.keepDescriptors(), registry, conf),
                settings);
    }
}
