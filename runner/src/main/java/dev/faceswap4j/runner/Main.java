package dev.faceswap4j.runner;

import dev.faceswap4j.api.FaceswapException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code bin/faceswap4j}. */
public final class Main {

    /** Exit code for a problem the user can fix: bad config, bad input, unknown plugin, missing model. */
    public static final int USER_ERROR = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new FaceswapCommand());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setExitCodeExceptionMapper(e -> e instanceof FaceswapException || e instanceof CommandLine.ParameterException ? USER_ERROR : 1);
        return cli;
    }

    /** One clean line per failure; the stack trace only with --stacktrace. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        Throwable shown = e;
        while (!(shown instanceof FaceswapException) && shown.getCause() instanceof FaceswapException cause) {
            shown = cause;
        }
        if (shown instanceof FaceswapException) {
            err.println("error: " + shown.getMessage());
        } else {
            err.println("error: " + e + " (run with --stacktrace for details)");
        }
        if (((FaceswapCommand) cli.getCommandSpec().root().userObject()).stacktrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return shown instanceof FaceswapException ? USER_ERROR : 1;
    }
}
