package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.core.pipeline.JobStep;
import dev.faceswap4j.core.pipeline.Pipeline;
import dev.faceswap4j.core.train.TrainSettings;
import dev.faceswap4j.core.train.TrainingLoop;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", description = "Train the swap model (faceswap4j.model) on two folders of aligned faces; Ctrl-C saves a checkpoint.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = {"-A", "--faces-a"}, required = true, paramLabel = "DIR", description = "Aligned faces of identity A (from extract).")
    Path facesA;

    @Option(names = {"-B", "--faces-b"}, required = true, paramLabel = "DIR", description = "Aligned faces of identity B (from extract).")
    Path facesB;

    @Option(names = {"-m", "--model-dir"}, required = true, paramLabel = "DIR", description = "Where checkpoints, losses.csv and previews go.")
    Path modelDir;

    @Option(names = "--resume", description = "Continue the checkpoint in --model-dir (up to faceswap4j.train.iterations).")
    boolean resume;

    @Option(names = {"-n", "--iterations"}, paramLabel = "N", description = "Train up to N iterations (default: faceswap4j.train.iterations).")
    Long iterations;

    @Option(names = "--minutes", paramLabel = "M", description = "Stop after M minutes of training, with a checkpoint (default: faceswap4j.train.minutes).")
    Double minutes;

    @Option(names = "--batch-size", paramLabel = "N", description = "Faces per identity per step (default: faceswap4j.train.batch-size).")
    Integer batchSize;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config conf = config.load();
        TrainSettings settings = TrainSettings.from(conf.getConfig("faceswap4j.train"));
        if (minutes != null) {
            settings = settings.withMinutes(minutes);
        }
        if (iterations != null) {
            settings = settings.withIterations(iterations);
        }
        if (batchSize != null) {
            settings = settings.withBatchSize(batchSize);
        }
        PrintWriter out = spec.commandLine().getOut();
        Pipeline.Training training = Pipeline.of(conf).training(settings, facesA, facesB, modelDir, resume, !noProgress);
        out.println(new JobStep.TrainingStarts(training, modelDir).describe());
        out.flush();
        StopOnInterrupt.during(training, () -> {
            TrainingLoop.Result result = training.loop().run();
            out.println(new JobStep.Trained(result).describe());
            out.flush();
            return result;
        });
        return 0;
    }
}
