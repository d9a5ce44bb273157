package dev.faceswap4j.core.video;

import java.io.Serializable;

/**
 * One piece of an input cut for parallel work: the frames {@code first} (included) to {@code end} (excluded) are
 * its own, written by it alone; it decodes {@code decodeFirst} to {@code decodeEnd}, a little more on either side,
 * so that state carried from frame to frame (face tracks, landmark smoothing, a person decision that looks ahead)
 * is the same at its own frames as in one pass over the whole input.
 *
 * @param index position in the plan, from 0
 */
public record Segment(int index, int first, int end, int decodeFirst, int decodeEnd) implements Serializable {

    public Segment {
        if (index < 0 || decodeFirst < 0 || decodeFirst > first || first >= end || end > decodeEnd) {
            throw new IllegalArgumentException("segment " + index + ": decode " + decodeFirst + ".." + decodeEnd + " must hold frames " + first
                    + ".." + end);
        }
    }

    /** Frames this segment writes. */
    public int frames() {
        return end - first;
    }

    /** Whether {@code frame} is one this segment writes (not a warm-up or look-ahead frame). */
    public boolean owns(int frame) {
        return frame >= first && frame < end;
    }
}
