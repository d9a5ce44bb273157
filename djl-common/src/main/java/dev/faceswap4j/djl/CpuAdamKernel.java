package dev.faceswap4j.djl;

import java.nio.FloatBuffer;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * One Adam update fused into a single pass over each parameter's memory, run in Java on the
 * tensors' own CPU storage. libtorch's element-wise ops (and DJL's native {@code adamUpdate}, which
 * strings a dozen of them together, each with its own temporary) make ten or more passes over the
 * 58 M weights; the update is memory-bound, so one pass is several times faster (measured in the
 * docs/training.md: 2.96 s → 0.06–0.14 s per autoencoder side on 2 cores).
 *
 * <p>Each worker copies a cache-sized chunk of weights, gradients and moments into its own arrays,
 * updates them there (a loop the JIT vectorises) and writes them back, the gradient as zeros.
 */
final class CpuAdamKernel {

    private static final int CHUNK = 1 << 14;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[4][CHUNK]);
    private static final float[] ZEROS = new float[CHUNK];

    private final ForkJoinPool pool;

    CpuAdamKernel(int threads) {
        this.pool = new ForkJoinPool(Math.max(1, threads));
    }

    /** The moments' decay, ε and this step's bias-corrected learning rate. */
    record Step(float beta1, float beta2, float epsilon, float correctedLearningRate) {}

    /** Updates weight, mean and variance in place from the gradient, then zeroes the gradient. */
    void update(FloatBuffer weight, FloatBuffer gradient, FloatBuffer mean, FloatBuffer variance, Step step) {
        int length = weight.limit();
        if (gradient.limit() != length || mean.limit() != length || variance.limit() != length) {
            throw new IllegalArgumentException("weight, gradient and moments differ in length");
        }
        int chunks = (length + CHUNK - 1) / CHUNK;
        pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int offset = chunk * CHUNK;
            updateChunk(weight, gradient, mean, variance, offset, Math.min(CHUNK, length - offset), step);
        })).join();
    }

    private static void updateChunk(FloatBuffer weight, FloatBuffer gradient, FloatBuffer mean, FloatBuffer variance, int offset,
            int count, Step step) {
        float[][] scratch = SCRATCH.get();
        float[] w = scratch[0];
        float[] g = scratch[1];
        float[] m = scratch[2];
        float[] v = scratch[3];
        weight.get(offset, w, 0, count);
        gradient.get(offset, g, 0, count);
        mean.get(offset, m, 0, count);
        variance.get(offset, v, 0, count);
        float beta1 = step.beta1();
        float beta2 = step.beta2();
        float rest1 = 1 - beta1;
        float rest2 = 1 - beta2;
        float epsilon = step.epsilon();
        float rate = step.correctedLearningRate();
        for (int i = 0; i < count; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + rest1 * gi;
            float vi = beta2 * v[i] + rest2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] -= rate * mi / ((float) Math.sqrt(vi) + epsilon);
        }
        weight.put(offset, w, 0, count);
        mean.put(offset, m, 0, count);
        variance.put(offset, v, 0, count);
        gradient.put(offset, ZEROS, 0, count);
    }

    void close() {
        pool.shutdown();
    }
}
