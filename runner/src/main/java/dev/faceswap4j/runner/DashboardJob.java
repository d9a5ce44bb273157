package dev.faceswap4j.runner;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one job the dashboard may run: {@code faceswap4j run --config CONF} in a child JVM (the same Java, options
 * and class path as this one), its output in {@code dashboard-job.log} of the work dir. Stopping sends it what
 * Ctrl-C sends, so training finishes its step and writes a checkpoint; starting again continues it, as
 * {@code run} does. The job's standard input stays open while this process lives: when it dies (even by kill -9)
 * the job sees its input end and stops the same way. The command is a list of arguments, never a shell line.
 */
final class DashboardJob {

    static final String LOG = "dashboard-job.log";
    private static final int LOG_LINES = 20;

    /** The argument list for one config file. */
    static Function<Path, List<String>> faceswapRun() {
        return config -> {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            // --exit-with-input: the job ends (with a checkpoint) when this process ends, however it ends.
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString(),
                    "--no-progress", "--exit-with-input"));
            return command;
        };
    }

    private final Path workDir;
    private final Function<Path, List<String>> command;
    private Process process;
    private String config;
    private Instant started;

    DashboardJob(Path workDir, Function<Path, List<String>> command) {
        this.workDir = workDir;
        this.command = command;
    }

    /** Starts {@code config} (a path relative to the work dir); refused while a job runs. */
    synchronized void start(Path configFile, String shownAs) {
        if (running()) {
            throw new Refused("a job is running (" + config + ", started " + started + "); stop it first");
        }
        if (!Files.isRegularFile(configFile)) {
            throw new FaceswapException("config not found in the work dir: " + shownAs);
        }
        Path log = workDir.resolve(LOG);
        try {
            process = new ProcessBuilder(command.apply(configFile)).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new FaceswapException("cannot start the job for " + shownAs + ": " + Messages.firstLine(e), e);
        }
        config = shownAs;
        started = Instant.now();
    }

    /** Asks the job to stop as Ctrl-C would; refused when none runs. */
    synchronized void stop() {
        if (!running()) {
            throw new Refused("no job is running");
        }
        process.destroy();
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Waits up to {@code seconds} for the job to end; whether it did. */
    boolean awaitEnd(long seconds) throws InterruptedException {
        Process p;
        synchronized (this) {
            p = process;
        }
        return p == null || p.waitFor(seconds, TimeUnit.SECONDS);
    }

    synchronized Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("running", running());
        status.put("config", config);
        status.put("started", started == null ? null : started.toString());
        status.put("exit", process == null || process.isAlive() ? null : process.exitValue());
        status.put("log", logTail());
        return status;
    }

    private List<String> logTail() {
        Path log = workDir.resolve(LOG);
        if (process == null || !Files.isRegularFile(log)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
        } catch (IOException e) {
            return List.of("cannot read " + log + ": " + Messages.firstLine(e));
        }
    }

    /** A request that cannot be done now (HTTP 409). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
