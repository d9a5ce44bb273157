package dev.faceswap4j.runner;

import dev.faceswap4j.core.pipeline.Stoppable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ctrl-C while a job runs that can stop cleanly: the JVM asks it to stop and waits (up to ten minutes) for it to save
 * its work — training finishes its step and writes a checkpoint — and for {@code work} to return (what it prints last,
 * such as where training stopped, is printed) before it goes.
 */
final class StopOnInterrupt {

    private static final long WAIT_SECONDS = 600;
    private static final long REPORT_SECONDS = 10;

    private StopOnInterrupt() {}

    static <T> T during(Stoppable job, Supplier<T> work) {
        CountDownLatch returned = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            job.requestStop();
            try {
                if (job.awaitFinished(WAIT_SECONDS)) {
                    returned.await(REPORT_SECONDS, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "save-on-interrupt");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return work.get();
        } finally {
            returned.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for us.
            }
        }
    }
}
