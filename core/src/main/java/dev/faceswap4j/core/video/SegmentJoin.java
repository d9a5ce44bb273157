package dev.faceswap4j.core.video;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.util.FileTrees;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one video of the separately encoded segments of a conversion, in order: their streams joined as they are when
 * they were encoded alike (the usual case: one encoder, one setting), else — with a warning saying why — decoded and
 * encoded once more; then the input's sound copied in once, over the whole, so it has no seam at the joins. The
 * result appears under the output name only when complete.
 */
public final class SegmentJoin {

    private static final Logger log = LoggerFactory.getLogger(SegmentJoin.class);

    /** How the segments were joined. */
    public enum Method { STREAM_COPY, RE_ENCODED }

    private SegmentJoin() {}

    /**
     * Writes {@code output} from {@code segments} (video files, in order) with {@code audio} (may be null);
     * {@code video} and {@code frameRate} are what a re-encode uses.
     */
    public static Method write(List<Path> segments, Path output, VideoSettings video, double frameRate, AudioTrack audio, boolean overwrite) {
        if (segments.isEmpty()) {
            throw new FaceswapException("no segments to join into " + output);
        }
        FileTrees.checkNew(output, overwrite);
        Optional<String> incompatible = StreamConcat.incompatibility(segments);
        if (incompatible.isEmpty()) {
            Path videoOnly = VideoFileSink.hidden(output, "video");
            try {
                StreamConcat.join(segments, videoOnly);
                VideoFileSink.publish(videoOnly, audio, output);
                return Method.STREAM_COPY;
            } finally {
                FileTrees.deleteQuietly(videoOnly);
            }
        }
        log.warn("the {} segments of {} cannot be joined as they are ({}): decoding and encoding them once more", segments.size(), output,
                incompatible.get());
        try (FrameSink sink = FrameSink.openWithAudio(output, video, frameRate, audio, overwrite)) {
            for (Path segment : segments) {
                try (FrameSource source = FrameSource.open(segment)) {
                    for (Frame frame; (frame = source.next()) != null; ) {
                        sink.write(frame.image());
                    }
                }
            }
            sink.commit();
        }
        return Method.RE_ENCODED;
    }
}
