package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.pipeline.Pipeline;
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

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "VIDEO|FOLDER", description = {"A video FFmpeg reads, a folder of images, or a folder of videos",
            "(each video's faces into a folder of their own under --output)."})
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
        Extractor.Summary summary = Pipeline.of(conf).extract(new Pipeline.ExtractOverrides(every, minSize, frames, people::over, false), input, output,
                !noProgress);
        PrintWriter out = spec.commandLine().getOut();
        out.println("extracted " + summary.describe() + " into " + output);
        out.println("per frame: " + summary.perFrame());
        out.flush();
        return 0;
    }

}
