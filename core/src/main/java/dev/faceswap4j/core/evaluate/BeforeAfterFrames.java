package dev.faceswap4j.core.evaluate;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.SideBySide;
import dev.faceswap4j.core.video.Frame;
import dev.faceswap4j.core.video.FrameRange;
import dev.faceswap4j.core.video.FrameSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A before | after sheet of a converted video: a few frames spread over it, the source left and the result right. */
public final class BeforeAfterFrames {

    private BeforeAfterFrames() {}

    /** Writes {@code rows} frame pairs of {@code frames} of {@code source} and of {@code swapped} into {@code file} (PNG). */
    public static void write(Path source, FrameRange frames, Path swapped, int rows, Path file) {
        List<Image[]> pairs = new ArrayList<>();
        try (FrameSource before = FrameSource.open(source, frames); FrameSource after = FrameSource.open(swapped)) {
            int count = Math.max(1, after.frameCount());
            int n = 0;
            for (Frame a, b; (a = before.next()) != null && (b = after.next()) != null; n++) {
                // Frames at the middle of each of `rows` equal parts of the video.
                if (pairs.size() < rows && n == (2 * pairs.size() + 1) * count / (2 * rows)) {
                    pairs.add(new Image[] {a.image(), b.image()});
                }
            }
        }
        SideBySide.writeRows(pairs, file);
    }
}
