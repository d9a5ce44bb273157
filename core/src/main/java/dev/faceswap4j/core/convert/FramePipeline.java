package dev.faceswap4j.core.convert;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.util.StageTimer;
import dev.faceswap4j.core.video.Frame;
import dev.faceswap4j.core.video.FrameSink;
import dev.faceswap4j.core.video.FrameSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame plumbing of convert, apart from what is done to a frame: decoding and encoding on their
 * own threads, bounded queues between them and the calling thread, and batches of frames handed to
 * the {@link Work} in order. The output keeps the input's order and count; the first failure on any
 * thread ends the run with that failure, and both threads are stopped before the caller closes the
 * source and sink.
 */
final class FramePipeline {

    private static final Logger log = LoggerFactory.getLogger(FramePipeline.class);

    private static final int QUEUE = 8;
    private static final Frame END_OF_INPUT = new Frame(-1, null, null);
    private static final Image END_OF_OUTPUT = new Image(1, 1, ChannelOrder.GRAY, new byte[1]);

    /** What is done to the frames, on the calling thread. */
    interface Work {
        /**
         * Takes the next frames in order and returns the frames finished so far, in order: all of them
         * at the {@code end}, perhaps fewer before (work may wait for later frames to decide earlier ones).
         */
        List<Image> next(List<Frame> batch, boolean end);
    }

    private final int batchFrames;
    private final StageTimer timer;

    /** {@code batchFrames} as {@link ConvertSettings} validated it (at least 1). */
    FramePipeline(int batchFrames, StageTimer timer) {
        this.batchFrames = batchFrames;
        this.timer = timer;
    }

    /** Runs every frame of {@code source} through {@code work} into {@code sink}; returns the count of frames read. */
    int run(FrameSource source, FrameSink sink, Work work, IntConsumer written) {
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "convert-io");
            thread.setDaemon(true);
            return thread;
        });
        try {
            BlockingQueue<Frame> decoded = new ArrayBlockingQueue<>(QUEUE);
            BlockingQueue<Image> converted = new ArrayBlockingQueue<>(QUEUE);
            Future<?> decoding = threads.submit(() -> {
                long t = System.nanoTime();
                for (Frame frame; (frame = source.next()) != null; ) {
                    t = timer.lap("decode", t);
                    put(decoded, frame, null);
                    t = System.nanoTime();
                }
                put(decoded, END_OF_INPUT, null);
                return null;
            });
            Future<?> encoding = threads.submit(() -> {
                for (Image image; (image = take(converted, null)) != END_OF_OUTPUT; ) {
                    long t = System.nanoTime();
                    sink.write(image);
                    timer.lap("encode", t);
                }
                return null;
            });
            int frames = 0;
            int out = 0;
            List<Frame> batch = new ArrayList<>();
            while (true) {
                Frame frame = take(decoded, decoding);
                boolean end = frame == END_OF_INPUT;
                if (!end) {
                    batch.add(frame);
                }
                if (batch.size() == batchFrames || end) {
                    List<Image> done = work.next(List.copyOf(batch), end);
                    for (Image image : done) {
                        put(converted, image, encoding);
                    }
                    frames += batch.size();
                    out += done.size();
                    written.accept(done.size());
                    batch.clear();
                }
                if (end) {
                    break;
                }
            }
            if (out != frames) {
                throw new IllegalStateException("the frame work returned " + out + " frames for " + frames);
            }
            put(converted, END_OF_OUTPUT, encoding);
            await(encoding);
            return frames;
        } finally {
            stop(threads);
        }
    }

    private static void stop(ExecutorService threads) {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("the decode/encode threads did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Puts into a bounded queue, giving up when the thread that empties it has failed. */
    private static <T> void put(BlockingQueue<T> queue, T item, Future<?> consumer) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (consumer != null && consumer.isDone()) {
                    await(consumer);
                    throw new IllegalStateException("the output thread stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceswapException("conversion interrupted", e);
        }
    }

    /** Takes from a queue, giving up when the thread that fills it has stopped without leaving anything in it. */
    static <T> T take(BlockingQueue<T> queue, Future<?> producer) {
        try {
            while (true) {
                T item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                if (producer != null && producer.isDone()) {
                    // It may have queued its last item (the end marker) and finished after the poll above gave up.
                    item = queue.poll();
                    if (item != null) {
                        return item;
                    }
                    await(producer);
                    throw new IllegalStateException("the input thread stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceswapException("conversion interrupted", e);
        }
    }

    private static void await(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceswapException("conversion interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new FaceswapException("conversion failed: " + cause, cause);
        }
    }
}
