package dev.faceswap4j.core.util;

import java.io.PrintStream;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bars of long work, one look for all: on a terminal a bar redrawn in place; in a log or CI
 * (no console) one full line every {@value #LOG_INTERVAL_MILLIS} ms instead, since a redrawn bar there
 * collapses to a character wide or floods the log; hidden when the user asked for no progress.
 */
public final class ProgressBars {

    private static final int TERMINAL_INTERVAL_MILLIS = 500;
    static final int LOG_INTERVAL_MILLIS = 5_000;
    private static final int LOG_LINE_LENGTH = 120;

    private ProgressBars() {}

    /** A bar for {@code task} counting {@code unit}s ({@code unitSize} steps each) up to {@code max} (-1: unknown). */
    public static ProgressBarBuilder builder(String task, String unit, long unitSize, long max, boolean show) {
        return builder(task, unit, unitSize, max, show ? Output.detect() : Output.HIDDEN, System.err);
    }

    /** As {@link #builder(String, String, long, long, boolean)}, built, with the speed shown. */
    public static ProgressBar of(String task, String unit, long max, boolean show) {
        return builder(task, unit, 1, max, show).showSpeed().build();
    }

    /** Where a bar goes. */
    enum Output {
        TERMINAL, LOG, HIDDEN;

        static Output detect() {
            return System.console() != null ? TERMINAL : LOG;
        }
    }

    static ProgressBarBuilder builder(String task, String unit, long unitSize, long max, Output output, PrintStream log) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setUnit(" " + unit, unitSize).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII);
        return switch (output) {
            case TERMINAL -> builder.setUpdateIntervalMillis(TERMINAL_INTERVAL_MILLIS);
            case LOG -> builder.setUpdateIntervalMillis(LOG_INTERVAL_MILLIS)
                    .setConsumer(new DelegatingProgressBarConsumer(line -> log.println(line.strip()), LOG_LINE_LENGTH));
            case HIDDEN -> builder.setConsumer(new DelegatingProgressBarConsumer(line -> { }));
        };
    }
}
