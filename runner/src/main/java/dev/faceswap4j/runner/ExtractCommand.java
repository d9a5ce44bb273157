package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config conf = config.load();
        Extractor.Summary summary = extract(conf, input, output, every, minSize, !noProgress);
        PrintWriter out = spec.commandLine().getOut();
        out.println("extracted " + summary.describe() + " into " + output);
        out.println("per frame: " + summary.perFrame());
        out.flush();
        return 0;
    }

    /** Extracts with the configured detector and landmarks; {@code every} and {@code minSize} override the config when given. */
    static Extractor.Summary extract(Config conf, Path input, Path output, Integer every, Double minSize, boolean progress) {
        return extractor(conf, every, minSize, progress).run(input, output);
    }

    static Extractor extractor(Config conf, Integer every, Double minSize, boolean progress) {
        Config extract = conf.getConfig("faceswap4j.extract");
        Extractor.Settings settings = new Extractor.Settings(extract.getInt("crop-size"), extract.getDouble("padding"),
                every != null ? every : extract.getInt("every"), minSize != null ? minSize : extract.getDouble("min-size"),
                extract.getBoolean("largest-only"), progress);
        FaceStages stages = FaceStages.from(PluginRegistry.discover(Thread.currentThread().getContextClassLoader()), conf);
        return new Extractor(stages.detector(), stages.landmarks(), settings);
    }
}
