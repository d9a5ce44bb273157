package dev.faceswap4j.core.cluster;

/**
 * What the engine gives a running piece: a name unique to this attempt of it (for the files it writes before
 * publishing them), the threads it may use, and the GPU it was given ({@code -1}: none; stages then choose as usual).
 */
public record TaskSlot(String attempt, int threads, int gpu) {

    public TaskSlot {
        if (attempt == null || attempt.isBlank() || threads < 1) {
            throw new IllegalArgumentException("task slot '" + attempt + "' with " + threads + " threads");
        }
    }

    public boolean hasGpu() {
        return gpu >= 0;
    }
}
