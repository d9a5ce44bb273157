package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.pipeline.Pipeline;
import dev.faceswap4j.core.pipeline.RunJob;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
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
    public Integer call() {
        String builtIn = demoConfig();
        Config conf = config.load(builtIn);
        PrintWriter out = spec.commandLine().getOut();
        if (!config.hasFile()) {
            out.println("no --config: running the built-in demo (" + builtIn + ")");
        }
        RunJob.Settings settings = RunJob.Settings.from(conf.getConfig("faceswap4j.run"));
        RunJob job = new RunJob(Pipeline.of(conf), settings, !noProgress);
        RunJob.Report report = StopOnInterrupt.during(job, () -> job.run(step -> {
            out.println(step.describe());
            out.flush();
        }));
        return report.complete() ? 0 : 1;
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
}
