package dev.faceswap4j.djl;

import dev.faceswap4j.api.GradientClipping;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The threshold of {@link GradientClipping} for one optimizer: fixed, or AutoClip's percentile of the gradient norms of
 * its last updates (a ring of them, saved with the optimizer so that a resumed run clips as the uninterrupted one).
 */
final class GradientClipper {

    private final GradientClipping clipping;
    private final float[] history;
    private int count;
    private int next;

    GradientClipper(GradientClipping clipping) {
        this.clipping = clipping;
        this.history = new float[clipping.mode() == GradientClipping.Mode.AUTO ? clipping.history() : 0];
    }

    /**
     * Records {@code norm} (finite) and returns the largest norm an update may have: infinite when nothing clips;
     * for AutoClip the percentile of the history, this norm included (so the first update is never clipped).
     */
    double threshold(double norm) {
        return switch (clipping.mode()) {
            case NONE -> Double.POSITIVE_INFINITY;
            case NORM -> clipping.norm();
            case AUTO -> {
                history[next] = (float) norm;
                next = (next + 1) % history.length;
                count = Math.min(count + 1, history.length);
                yield percentile(orderedHistory(), clipping.percentile());
            }
        };
    }

    /** The stored norms, oldest first. */
    private float[] orderedHistory() {
        float[] ordered = new float[count];
        int start = count < history.length ? 0 : next;
        for (int i = 0; i < count; i++) {
            ordered[i] = history[(start + i) % history.length];
        }
        return ordered;
    }

    /** numpy's default ("linear") percentile of {@code values}, which it sorts. */
    static double percentile(float[] values, double percentile) {
        Arrays.sort(values);
        double rank = percentile / 100 * (values.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(values.length - 1, below + 1);
        return values[below] + (rank - below) * (values[above] - values[below]);
    }

    void save(DataOutputStream out) throws IOException {
        float[] ordered = orderedHistory();
        out.writeInt(ordered.length);
        for (float value : ordered) {
            out.writeFloat(value);
        }
    }

    void load(DataInputStream in) throws IOException {
        int saved = in.readInt();
        if (saved < 0) {
            throw new IOException("gradient norm history of " + saved + " entries");
        }
        count = 0;
        next = 0;
        for (int i = 0; i < saved; i++) {
            float value = in.readFloat();
            // A run resumed with a shorter (or no) history keeps the newest norms that fit.
            if (history.length > 0 && saved - i <= history.length) {
                history[next] = value;
                next = (next + 1) % history.length;
                count = Math.min(count + 1, history.length);
            }
        }
    }
}
