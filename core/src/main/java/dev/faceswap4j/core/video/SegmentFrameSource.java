package dev.faceswap4j.core.video;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames {@code decodeFirst..decodeEnd} of one {@link Segment} of a video, numbered as in the whole video:
 * decoding starts at the key frame before them and frames are told apart by timestamp, so every frame of the video
 * is given by exactly the segments that hold it, with the pixels a decode from the start gives (an open GOP's
 * leading frames, which need the GOP before, come from the segment before). When a seek lands past the first frame
 * wanted, it is retried one key frame earlier, and at last from the start.
 */
final class SegmentFrameSource implements FrameSource {

    private static final Logger log = LoggerFactory.getLogger(SegmentFrameSource.class);

    private final Path file;
    private final VideoIndex index;
    private final Segment segment;
    private final long endTime;
    private VideoFrameSource video;
    private Frame pending;
    private boolean ended;
    private int last;

    private SegmentFrameSource(Path file, VideoIndex index, Segment segment) {
        this.file = file;
        this.index = index;
        this.segment = segment;
        this.endTime = segment.decodeEnd() < index.frameCount() ? index.time(segment.decodeEnd()) : Long.MAX_VALUE;
        this.last = segment.decodeFirst() - 1;
    }

    static FrameSource open(Path file, VideoIndex index, Segment segment) {
        SegmentFrameSource source = new SegmentFrameSource(file, index, segment);
        try {
            source.start();
            return source;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** Decodes up to the segment's first frame, holding it for {@link #next()}. */
    private void start() {
        int first = segment.decodeFirst();
        long firstTime = index.time(first);
        for (int back = 0; ; back++) {
            int key = first == 0 ? 0 : index.keyFrameBefore(first, back);
            closeVideo();
            video = (VideoFrameSource) VideoFrameSource.open(file);
            if (key > 0) {
                video.seek(index.time(key));
            }
            Frame frame;
            while ((frame = video.next()) != null && video.lastTime() < firstTime) {
                // before the segment: decoded only to reach it
            }
            boolean reached = frame != null && video.lastTime() == firstTime;
            if (reached || key == 0) {
                if (!reached) {
                    log.warn("{}: frame {} ({} µs) does not decode; segment {} starts after it", file, first, firstTime, segment.index());
                }
                pending = frame == null ? null : number(frame);
                ended = pending == null;
                return;
            }
            log.debug("{}: a seek to key frame {} landed past frame {}; trying one key frame earlier", file, key, first);
        }
    }

    private Frame number(Frame frame) {
        long time = video.lastTime();
        if (time >= endTime) {
            return null;
        }
        int known = index.frameAt(time);
        last = known >= 0 ? known : last + 1;
        return new Frame(last, null, frame.image());
    }

    @Override
    public int frameCount() {
        return segment.decodeEnd() - segment.decodeFirst();
    }

    @Override
    public double frameRate() {
        return video.frameRate();
    }

    @Override
    public int firstFrame() {
        return segment.decodeFirst();
    }

    @Override
    public Frame next() {
        if (pending != null) {
            Frame frame = pending;
            pending = null;
            return frame;
        }
        if (ended) {
            return null;
        }
        Frame frame = video.next();
        Frame numbered = frame == null ? null : number(frame);
        ended = numbered == null;
        return numbered;
    }

    @Override
    public void close() {
        closeVideo();
    }

    private void closeVideo() {
        if (video != null) {
            video.close();
            video = null;
        }
    }
}
