package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Augmented batches of one face set, made ahead by background threads so the model never waits, and handed out
 * in order. Batch {@code k} is a function of the seed and {@code k} alone (its own random stream), whichever
 * thread makes it and whenever: two runs with one seed see the same batches, and a run resumed at iteration
 * {@code k} (or rewound there) sees the batches the uninterrupted run saw.
 */
public final class BatchFeeder implements AutoCloseable {

    private final String name;
    private final FaceSet faces;
    private final FaceAugmenter augmenter;
    private final int batchSize;
    private final long seed;
    private final int lookahead;
    private final ExecutorService workers;
    private final ArrayDeque<Future<FaceBatch>> ahead = new ArrayDeque<>();
    private long nextIndex;

    /**
     * @param seed the stream's seed (a run's seed and the side: two feeders of one run need two seeds)
     * @param firstBatch index of the first batch {@link #next} returns: the iteration a run starts from
     */
    public BatchFeeder(String name, FaceSet faces, FaceAugmenter augmenter, int batchSize, int threads, long seed, long firstBatch) {
        this.name = name;
        this.faces = faces;
        this.augmenter = augmenter;
        this.batchSize = batchSize;
        this.seed = seed;
        this.lookahead = Math.max(2, threads * 2);
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, task -> {
            Thread worker = new Thread(task, "batches-" + name + "-" + count.getAndIncrement());
            worker.setDaemon(true);
            return worker;
        });
        rewind(firstBatch);
    }

    /** Drops the batches made ahead and continues at batch {@code index} (a run rolled back to a checkpoint). */
    public void rewind(long index) {
        ahead.forEach(batch -> batch.cancel(true));
        ahead.clear();
        nextIndex = index;
        while (ahead.size() < lookahead) {
            schedule();
        }
    }

    private void schedule() {
        long index = nextIndex++;
        ahead.add(workers.submit(() -> make(index)));
    }

    /** The next batch in order; waits while the workers are behind. */
    public FaceBatch next() {
        Future<FaceBatch> batch = ahead.poll();
        schedule();
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceswapException("interrupted while waiting for training batches of " + name, e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new FaceswapException("preparing training batches of " + name + " failed: " + cause, cause);
        }
    }

    private FaceBatch make(long index) {
        Random random = new Random(mix(seed, index));
        int size = augmenter.faceSize();
        int stride = size * size * 3;
        float[] warped = new float[batchSize * stride];
        float[] target = new float[batchSize * stride];
        float[] eyes = new float[faces.hasEyeMasks() ? batchSize * size * size : 0];
        float[] mouth = new float[eyes.length];
        float[] hull = new float[eyes.length];
        for (int i = 0; i < batchSize; i++) {
            int face = random.nextInt(faces.size());
            List<Image> masks = faces.hasEyeMasks()
                    ? List.of(faces.eyeMasks().get(face), faces.mouthMasks().get(face), faces.faceMasks().get(face))
                    : List.of();
            augmenter.augment(faces.crops().get(face), masks, random, warped, target, List.of(eyes, mouth, hull), i * stride);
        }
        return new FaceBatch(batchSize, size, warped, target, eyes, mouth, hull);
    }

    /** A well-spread seed for batch {@code index} of the stream {@code seed} (SplitMix64's finaliser over both). */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
