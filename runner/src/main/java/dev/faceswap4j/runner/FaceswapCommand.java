package dev.faceswap4j.runner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

// scope INHERIT: every subcommand takes --help and --version too (faceswap4j run --help).
@Command(name = "faceswap4j", mixinStandardHelpOptions = true, scope = picocli.CommandLine.ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Face swap pipeline: detect, align, train a swap model, convert video.",
        subcommands = {ExtractCommand.class, FacesCommand.class, TrainCommand.class, ConvertCommand.class, RunCommand.class, CompareCommand.class, EvaluateCommand.class, ServeCommand.class, DetectCommand.class, PluginsCommand.class, ModelsCommand.class, DoctorCommand.class})
public final class FaceswapCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--stacktrace", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print the full stack trace of an error.")
    boolean stacktrace;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: pick one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
