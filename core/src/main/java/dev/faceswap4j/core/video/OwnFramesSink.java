package dev.faceswap4j.core.video;

import dev.faceswap4j.api.Image;

/**
 * The frames of one {@link Segment} that are its own: the frames written to it come in order from the segment's first
 * decoded frame, and those before {@link Segment#first()} (warm-up) and from {@link Segment#end()} on (look-ahead) are
 * dropped.
 */
public final class OwnFramesSink implements FrameSink {

    private final FrameSink sink;
    private final Segment segment;
    private int next;

    public OwnFramesSink(FrameSink sink, Segment segment) {
        this.sink = sink;
        this.segment = segment;
        this.next = segment.decodeFirst();
    }

    @Override
    public void write(Image frame) {
        if (segment.owns(next++)) {
            sink.write(frame);
        }
    }

    @Override
    public void commit() {
        sink.commit();
    }

    @Override
    public void close() {
        sink.close();
    }
}
