package dev.faceswap4j.core.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import dev.faceswap4j.api.FaceswapException;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * A video's frames by presentation time, read from its container's packets without decoding: the
 * frame numbers and key frames a split decode needs. Frames are identified by their timestamp in
 * microseconds as JavaCV computes it for a decoded frame ({@code 1e6 · pts · time base}, container
 * start time included), never by time × frame rate, which drifts on variable frame rates.
 */
public final class VideoIndex {

    private final Path file;
    private final long[] times;
    private final int[] keyFrames;
    private final double frameRate;

    VideoIndex(Path file, long[] times, int[] keyFrames, double frameRate) {
        this.file = file;
        this.times = times;
        this.keyFrames = keyFrames;
        this.frameRate = frameRate;
    }

    /**
     * Reads every packet of {@code video}'s main video stream. Packets without a presentation time, or two
     * with the same one, leave frames without an identity: such a video is indexed as not {@link #splittable()}.
     */
    public static VideoIndex scan(Path video) {
        AVFormatContext context = MediaInfo.open(video);
        AVPacket packet = av_packet_alloc();
        try {
            int stream = MediaInfo.bestStream(context, AVMEDIA_TYPE_VIDEO);
            if (stream < 0) {
                throw new FaceswapException("cannot read video " + video + ": it has no video stream");
            }
            AVRational base = context.streams(stream).time_base();
            AVRational rate = context.streams(stream).avg_frame_rate();
            long[] pts = new long[1024];
            boolean[] key = new boolean[1024];
            int count = 0;
            boolean identified = true;
            while (av_read_frame(context, packet) >= 0) {
                if (packet.stream_index() == stream) {
                    if (count == pts.length) {
                        pts = Arrays.copyOf(pts, count * 2);
                        key = Arrays.copyOf(key, count * 2);
                    }
                    identified &= packet.pts() != AV_NOPTS_VALUE;
                    pts[count] = micros(packet.pts(), base);
                    key[count] = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
                    count++;
                }
                av_packet_unref(packet);
            }
            return of(video, Arrays.copyOf(pts, count), Arrays.copyOf(key, count), identified,
                    rate.den() == 0 ? 0 : rate.num() / (double) rate.den());
        } finally {
            av_packet_free(packet);
            MediaInfo.close(context);
        }
    }

    /** An index of packets in decode order: their times and whether each is a key frame. */
    static VideoIndex of(Path file, long[] decodeOrderTimes, boolean[] key, boolean identified, double frameRate) {
        long[] times = decodeOrderTimes.clone();
        Arrays.sort(times);
        boolean unique = identified;
        for (int i = 1; i < times.length && unique; i++) {
            unique = times[i] != times[i - 1];
        }
        if (!unique) {
            return new VideoIndex(file, times, new int[0], frameRate);
        }
        int[] keys = new int[decodeOrderTimes.length];
        int keyCount = 0;
        for (int i = 0; i < decodeOrderTimes.length; i++) {
            if (key[i]) {
                keys[keyCount++] = Arrays.binarySearch(times, decodeOrderTimes[i]);
            }
        }
        int[] sortedKeys = Arrays.copyOf(keys, keyCount);
        Arrays.sort(sortedKeys);
        return new VideoIndex(file, times, sortedKeys, frameRate);
    }

    /** JavaCV's timestamp of a frame with presentation time {@code pts} in {@code base}. */
    static long micros(long pts, AVRational base) {
        return 1_000_000L * pts * base.num() / base.den();
    }

    public Path file() {
        return file;
    }

    /** Frames of the video stream. */
    public int frameCount() {
        return times.length;
    }

    /** The stream's average frame rate (0 when the container does not say). */
    public double frameRate() {
        return frameRate;
    }

    /** Timestamp of frame {@code frame} (0-based, presentation order) in microseconds. */
    public long time(int frame) {
        return times[frame];
    }

    /** The frame with timestamp {@code time}, or -1 when no packet has it. */
    public int frameAt(long time) {
        int found = Arrays.binarySearch(times, time);
        return found >= 0 ? found : -1;
    }

    /** Whether every frame has its own timestamp and the first frame is a key frame: a decode can start past the beginning. */
    public boolean splittable() {
        return keyFrames.length > 0 && keyFrames[0] == 0;
    }

    /** The last key frame at or before {@code frame}, {@code back} key frames further back (0 when there is none). */
    public int keyFrameBefore(int frame, int back) {
        int position = Arrays.binarySearch(keyFrames, frame);
        int at = position >= 0 ? position : -position - 2;
        return at - back < 0 ? 0 : keyFrames[at - back];
    }

    /** Key frames, in order. */
    public int keyFrameCount() {
        return keyFrames.length;
    }
}
