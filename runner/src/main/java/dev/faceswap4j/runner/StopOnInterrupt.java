package dev.faceswap4j.runner;

import dev.faceswap4j.core.pipeline.Stoppable;
import java.util.function.Supplier;

/**
 * Ctrl-C while a job runs that can stop cleanly: the JVM asks it to stop and waits (up to ten minutes) for it to save
 * its work — training finishes its step and writes a checkpoint — before it goes.
 */
final class StopOnInterrupt {

    private static final long WAIT_SECONDS = 600;

    private StopOnInterrupt() {}

    static <T> T during(Stoppable job, Supplier<T> work) {
        Thread stop = new Thread(() -> {
            job.requestStop();
            try {
                job.awaitFinished(WAIT_SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "save-on-interrupt");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return work.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for us.
            }
        }
    }
}
