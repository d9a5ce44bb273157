package dev.faceswap4j.spark;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;

/**
 * A failed Spark job told in one line. Spark wraps a task's error into its own ("Job aborted due to stage failure:
 * Task 3 in stage 0.0 failed 4 times, most recent failure: ..." and the executor's stack trace) and keeps the error
 * itself as the cause: a faceswap4j error (bad input, a missing model file on a worker) comes back as it was thrown.
 */
final class SparkFailures {

    private SparkFailures() {}

    static RuntimeException explain(RuntimeException failure, SparkSettings settings) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FaceswapException own) {
                return own;
            }
            if ((cause instanceof ClassNotFoundException || cause instanceof NoClassDefFoundError)
                    && String.valueOf(cause.getMessage()).contains("dev.faceswap4j")) {
                return new FaceswapException("cluster " + settings.master() + ": the executors cannot load faceswap4j (" + cause.getMessage()
                        + "): install the distribution on every worker at " + settings.executorHome() + " (faceswap4j.spark.home)", failure);
            }
        }
        return new IllegalStateException("the job failed on " + settings.master() + ": " + Messages.firstLine(failure), failure);
    }
}
