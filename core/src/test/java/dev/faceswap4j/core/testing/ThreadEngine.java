package dev.faceswap4j.core.testing;

import dev.faceswap4j.core.cluster.ClusterEngine;
import dev.faceswap4j.core.cluster.ClusterTask;
import dev.faceswap4j.core.cluster.TaskSlot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A cluster engine of threads for tests of the jobs themselves: each piece's task and item go through Java
 * serialization first, as they would to an executor, and {@code fails} picks pieces whose first attempt dies
 * (an attempt lost with its machine), to be run once more.
 */
public final class ThreadEngine implements ClusterEngine {

    private final int slots;
    private final IntPredicate failsOnce;
    private final AtomicInteger attempts = new AtomicInteger();

    public ThreadEngine(int slots, IntPredicate failsOnce) {
        this.slots = slots;
        this.failsOnce = failsOnce;
    }

    public ThreadEngine(int slots) {
        this(slots, piece -> false);
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> items, ClusterTask<T, R> task) {
        ExecutorService threads = Executors.newFixedThreadPool(slots);
        try {
            List<Future<R>> results = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                int piece = i;
                results.add(threads.submit(() -> run(piece, items.get(piece), task)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> result : results) {
                out.add(result.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
            awaitQuietly(threads);
        }
    }

    /** The pieces still running when one failed end (interrupted) before the job's error goes to the caller. */
    private static void awaitQuietly(ExecutorService threads) {
        try {
            threads.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private <T, R> R run(int piece, T item, ClusterTask<T, R> task) {
        ClusterTask<T, R> travelled = (ClusterTask<T, R>) roundTrip(task);
        T itemTravelled = (T) roundTrip(item);
        if (failsOnce.test(piece)) {
            TaskSlot lost = new TaskSlot("attempt-" + attempts.incrementAndGet(), 1, -1);
            Thread dying = new Thread(() -> travelled.run(itemTravelled, lost));
            dying.setUncaughtExceptionHandler((thread, error) -> {}); // its failure is the point
            dying.start();
            try {
                Thread.sleep(300);
                dying.interrupt(); // the attempt is lost part way: a retry must not mind what it left
                dying.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return travelled.run(itemTravelled, new TaskSlot("attempt-" + attempts.incrementAndGet(), 1, -1));
    }

    private static Object roundTrip(Object value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String describe() {
        return slots + " test threads";
    }

    @Override
    public void close() {}
}
