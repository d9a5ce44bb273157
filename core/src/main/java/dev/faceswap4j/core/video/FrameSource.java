package dev.faceswap4j.core.video;

import dev.faceswap4j.api.FaceswapException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Frames of a video file or of a folder of images, in order. */
public interface FrameSource extends AutoCloseable {

    /** Frames the input holds, as far as the container says; 0 when unknown. */
    int frameCount();

    /** Frames per second; 0 for an image folder. */
    double frameRate();

    /** Index of the first frame this source gives (0 unless it is a {@link FrameRange} of its input). */
    default int firstFrame() {
        return 0;
    }

    /** The next frame, or {@code null} at the end. */
    Frame next();

    @Override
    void close();

    /** Whether {@code file} is named as an image this pipeline reads and writes (JPEG, PNG, BMP). */
    static boolean isImage(Path file) {
        return ImageFolderSource.isImage(file);
    }

    /** The frames of {@code input} that fall in {@code range}. */
    static FrameSource open(Path input, FrameRange range) {
        FrameSource source = open(input);
        if (range.isAll()) {
            return source;
        }
        int count = source.frameCount();
        if (count > 0 && range.first(count) >= count) {
            source.close();
            throw new FaceswapException("frames " + range + " start past the end of " + input + " (" + count + " frames)");
        }
        return new RangedFrameSource(source, range);
    }

    /**
     * The frames {@code segment} decodes ({@code decodeFirst..decodeEnd}), numbered as in the whole input: for a video
     * whose {@code index} allows it a decode from the key frame before them, else (an image folder, a video that cannot
     * be split; {@code index} may be null) the frames counted from the start.
     */
    static FrameSource open(Path input, Segment segment, VideoIndex index) {
        if (index != null && index.splittable()) {
            return SegmentFrameSource.open(input, index, segment);
        }
        return new RangedFrameSource(open(input), new FrameRange(new FrameRange.Bound(segment.decodeFirst(), false),
                new FrameRange.Bound(segment.decodeEnd(), false)));
    }

    /** A video (anything FFmpeg reads), a folder of images, or a single image. */
    static FrameSource open(Path input) {
        if (Files.isDirectory(input)) {
            return ImageFolderSource.open(input);
        }
        if (!Files.exists(input)) {
            throw new FaceswapException("input not found: " + input);
        }
        if (!Files.isReadable(input)) {
            throw new FaceswapException("input is not readable: " + input);
        }
        if (ImageFolderSource.isImage(input)) {
            return ImageFolderSource.single(input);
        }
        return VideoFrameSource.open(input);
    }
}
