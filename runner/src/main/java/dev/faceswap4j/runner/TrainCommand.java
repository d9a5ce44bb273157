package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.core.pipeline.Pipeline;
import dev.faceswap4j.core.train.TrainSettings;
import dev.faceswap4j.core.train.TrainingLoop;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
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
    public Integer call() throws InterruptedException {
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
        train(Pipeline.of(conf), settings, facesA, facesB, modelDir, resume, !noProgress, out);
        return 0;
    }

    /** Trains (or, with {@code resume}, continues) the configured model; Ctrl-C stops after the step and saves. */
    static TrainingLoop.Result train(Pipeline pipeline, TrainSettings settings, Path facesA, Path facesB, Path modelDir, boolean resume,
            boolean progress, PrintWriter out) throws InterruptedException {
        Pipeline.Training training = pipeline.training(settings, facesA, facesB, modelDir, resume, progress);
        out.printf(Locale.ROOT, "training %s on %d faces of A (%s) and %d of B (%s) into %s%n", training.model(), training.a().size(), facesA,
                training.b().size(), facesB, modelDir);
        out.flush();
        TrainingLoop loop = training.loop();
        CountDownLatch reported = new CountDownLatch(1);
        Thread stopOnInterrupt = new Thread(() -> {
            loop.requestStop();
            try {
                // Let the loop finish its step, write the checkpoint and say where it stopped before the JVM goes.
                if (loop.awaitFinished(600)) {
                    reported.await(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "save-on-interrupt");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            TrainingLoop.Result result = loop.run();
            out.printf(Locale.ROOT, "%s at iteration %d (%d iterations in %.0f s%s); checkpoint %s%n",
                    result.stopped() ? "stopped" : "trained", result.iteration(), result.iteration() - result.startIteration(), result.seconds(),
                    result.lastLosses().isEmpty() ? "" : ", last " + result.lastLosses(), result.checkpoint());
            if (result.stopped()) {
                out.println("continue with the same command and --resume");
            }
            out.flush();
            return result;
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C or SIGTERM: the hook is running and waits for the lines above.
            }
        }
    }
}
