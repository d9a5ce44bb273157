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
 * updates them there (a loop the JIT vectorises) and writes them back, the gradient as zeros. Sums
 * (the gradient's squared norm, the update's and the weights') are added per chunk and then in chunk
 * order, so they do not depend on which worker ran which chunk.
 */
final class CpuAdamKernel {

    private static final int CHUNK = 1 << 14;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[4][CHUNK]);
    private static final float[] ZEROS = new float[CHUNK];

    private final ForkJoinPool pool;

    CpuAdamKernel(int threads) {
        this.pool = new ForkJoinPool(Math.max(1, threads));
    }

    /**
     * The moments' decay, ε, this step's bias-corrected learning rate, and the factor the gradient is scaled by
     * first (clipping; 1 = as it is).
     */
    record Step(float beta1, float beta2, float epsilon, float correctedLearningRate, float gradientScale) {}

    /** Squared norms of one update: of the change of the weights, and of the weights before it. */
    record Sums(double update, double weights) {}

    /** The squared L2 norm of {@code values}. */
    double squaredNorm(FloatBuffer values) {
        int length = values.limit();
        double[] parts = new double[chunks(length)];
        pool.submit(() -> IntStream.range(0, parts.length).parallel().forEach(chunk -> {
            float[] scratch = SCRATCH.get()[0];
            int offset = chunk * CHUNK;
            int count = Math.min(CHUNK, length - offset);
            values.get(offset, scratch, 0, count);
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += scratch[i] * scratch[i];
            }
            parts[chunk] = sum;
        })).join();
        return sumInOrder(parts);
    }

    /** Updates weight, mean and variance in place from the gradient, then zeroes the gradient. */
    Sums update(FloatBuffer weight, FloatBuffer gradient, FloatBuffer mean, FloatBuffer variance, Step step) {
        int length = weight.limit();
        if (gradient.limit() != length || mean.limit() != length || variance.limit() != length) {
            throw new IllegalArgumentException("weight, gradient and moments differ in length");
        }
        int chunks = chunks(length);
        double[] updates = new double[chunks];
        double[] weights = new double[chunks];
        pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int offset = chunk * CHUNK;
            updateChunk(weight, gradient, mean, variance, offset, Math.min(CHUNK, length - offset), step, chunk, updates, weights);
        })).join();
        return new Sums(sumInOrder(updates), sumInOrder(weights));
    }

    private static void updateChunk(FloatBuffer weight, FloatBuffer gradient, FloatBuffer mean, FloatBuffer variance, int offset,
            int count, Step step, int chunk, double[] updates, double[] weights) {
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
        float scale = step.gradientScale();
        double updateSum = 0;
        double weightSum = 0;
        for (int i = 0; i < count; i++) {
            float gi = g[i] * scale;
            float mi = beta1 * m[i] + rest1 * gi;
            float vi = beta2 * v[i] + rest2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            float change = rate * mi / ((float) Math.sqrt(vi) + epsilon);
            weightSum += w[i] * w[i];
            updateSum += change * change;
            w[i] -= change;
        }
        weight.put(offset, w, 0, count);
        mean.put(offset, m, 0, count);
        variance.put(offset, v, 0, count);
        gradient.put(offset, ZEROS, 0, count);
        updates[chunk] = updateSum;
        weights[chunk] = weightSum;
    }

    private static int chunks(int length) {
        return (length + CHUNK - 1) / CHUNK;
    }

    private static double sumInOrder(double[] parts) {
        double sum = 0;
        for (double part : parts) {
            sum += part;
        }
        return sum;
    }

    void close() {
        pool.shutdown();
    }
}
