package dev.faceswap4j.core.video;

/** The frames of another source that fall in a {@link FrameRange}; frame indices stay those of the whole input. */
final class RangedFrameSource implements FrameSource {

    private final FrameSource source;
    private final int first;
    private final int end;
    private final int count;

    RangedFrameSource(FrameSource source, FrameRange range) {
        this.source = source;
        this.first = range.first(source.frameCount());
        this.end = range.end(source.frameCount());
        this.count = range.count(source.frameCount());
    }

    @Override
    public int frameCount() {
        return count;
    }

    @Override
    public double frameRate() {
        return source.frameRate();
    }

    @Override
    public int firstFrame() {
        return first;
    }

    @Override
    public Frame next() {
        // Frames before the range are decoded and dropped: seeking an H.264 stream lands on key frames only.
        for (Frame frame; (frame = source.next()) != null; ) {
            if (frame.index() >= end) {
                return null;
            }
            if (frame.index() >= first) {
                return frame;
            }
        }
        return null;
    }

    @Override
    public void close() {
        source.close();
    }
}
