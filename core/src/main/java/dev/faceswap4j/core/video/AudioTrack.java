package dev.faceswap4j.core.video;

import java.nio.file.Path;

/**
 * The audio to copy into a written video: the audio stream of {@code file} from {@code fromSeconds}
 * up to {@code toSeconds} (infinite: to its end), shifted to start at zero — the sound of the frames
 * a {@link FrameRange} kept.
 */
public record AudioTrack(Path file, double fromSeconds, double toSeconds) {

    public static AudioTrack whole(Path file) {
        return file == null ? null : new AudioTrack(file, 0, Double.POSITIVE_INFINITY);
    }

    /** The sound of the frames {@code first} (included) to {@code end} (excluded) at {@code frameRate}. */
    public static AudioTrack ofFrames(Path file, int first, int end, double frameRate) {
        if (file == null) {
            return null;
        }
        if (frameRate <= 0) {
            return whole(file);
        }
        return new AudioTrack(file, first / frameRate, end == Integer.MAX_VALUE ? Double.POSITIVE_INFINITY : end / frameRate);
    }

    boolean isWhole() {
        return fromSeconds == 0 && toSeconds == Double.POSITIVE_INFINITY;
    }
}
