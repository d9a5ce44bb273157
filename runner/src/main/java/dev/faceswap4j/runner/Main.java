package dev.faceswap4j.runner;

import com.typesafe.config.ConfigException;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code bin/faceswap4j}. */
public final class Main {

    /** Exit code for a problem the user can fix: bad config, bad input, unknown plugin, missing model. */
    public static final int USER_ERROR = 2;
    /** What a process stopped by SIGTERM exits with (128 + 15). */
    private static final int SIGTERM_EXIT = 143;

    private Main() {}

    public static void main(String[] args) {
        // JavaCV's notes (an encoder option it dropped) go through SLF4J, quiet below warnings, not straight onto stderr.
        System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        System.exit(newCommandLine().execute(args));
    }

    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new FaceswapCommand());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExitCodeExceptionMapper(e -> e instanceof FaceswapException || e instanceof CommandLine.ParameterException ? USER_ERROR : 1);
        cli.setExecutionStrategy(parsed -> {
            if (((FaceswapCommand) cli.getCommandSpec().userObject()).exitWithInput) {
                exitWhenInputEnds();
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli;
    }

    /**
     * Ends this process as SIGTERM would (the shutdown hooks run: a training saves its checkpoint) once standard input
     * ends. A dashboard keeps its job's input open while it lives; the OS closes it when the dashboard dies, kill -9 too.
     */
    private static void exitWhenInputEnds() {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // The dashboard never writes; anything read is ignored.
                }
            } catch (IOException e) {
                // A broken input is an ended one.
            }
            System.exit(SIGTERM_EXIT);
        }, "exit-with-input");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * A command line picocli cannot parse: one line saying what is wrong, with the spelling it may have meant and where
     * the usage is, rather than the whole usage text after the error.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        StringBuilder line = new StringBuilder("error: ").append(Messages.firstLine(e));
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append("; did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append('?');
        }
        line.append(" (see '").append(cli.getCommandSpec().qualifiedName()).append(" --help')");
        cli.getErr().println(line);
        cli.getErr().flush();
        return USER_ERROR;
    }

    /** One clean line per failure; the stack trace only with --stacktrace. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        Throwable shown = e;
        while (!(shown instanceof FaceswapException) && shown.getCause() instanceof FaceswapException cause) {
            shown = cause;
        }
        // A setting a plugin reads with the wrong type (Typesafe's own message names the file and line).
        boolean config = shown instanceof ConfigException;
        if (shown instanceof FaceswapException) {
            err.println("error: " + shown.getMessage());
        } else if (config) {
            err.println("error: config error: " + shown.getMessage());
        } else {
            err.println("error: " + e + " (run with --stacktrace for details)");
        }
        if (((FaceswapCommand) cli.getCommandSpec().root().userObject()).stacktrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return shown instanceof FaceswapException || config ? USER_ERROR : 1;
    }
}
