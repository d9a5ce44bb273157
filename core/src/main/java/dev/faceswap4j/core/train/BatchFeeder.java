package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Augmented batches of one face set, made ahead by background threads so the model never waits:
 * each worker fills a small queue; {@link #next} takes from it.
 */
public final class BatchFeeder implements AutoCloseable {

    private final BlockingQueue<FaceBatch> ready;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final String name;

    public BatchFeeder(String name, FaceSet faces, FaceAugmenter augmenter, int batchSize, int threads, long seed) {
        this.name = name;
        this.ready = new ArrayBlockingQueue<>(Math.max(2, threads * 2));
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed * 31 + t);
            Thread worker = new Thread(() -> produce(faces, augmenter, batchSize, random), "batches-" + name + "-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    private void produce(FaceSet faces, FaceAugmenter augmenter, int batchSize, Random random) {
        int size = augmenter.faceSize();
        int stride = size * size * 3;
        try {
            while (!Thread.currentThread().isInterrupted()) {
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
                ready.put(new FaceBatch(batchSize, size, warped, target, eyes, mouth, hull));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    /** The next batch; waits while the workers are behind. */
    public FaceBatch next() {
        try {
            while (true) {
                Throwable failed = failure.get();
                if (failed != null) {
                    throw new FaceswapException("preparing training batches of " + name + " failed: " + failed, failed);
                }
                FaceBatch batch = ready.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (batch != null) {
                    return batch;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceswapException("interrupted while waiting for training batches of " + name, e);
        }
    }

    @Override
    public void close() {
        workers.forEach(Thread::interrupt);
    }
}
