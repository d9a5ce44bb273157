package dev.faceswap4j.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments encoded apart joined into one video: without re-encoding when their parameter sets match (the frames decode
 * to the segments' own pixels), else encoded once more; frame count, evenly spaced timestamps, duration, and the input's
 * audio packets copied once, bit for bit.
 */
class SegmentJoinTest {

    private static final int FRAMES = 90;
    private static final double RATE = 30;
    private static final VideoSettings H264 = new VideoSettings("libopenh264", 18, 2);

    @TempDir
    Path dir;

    @Test
    void segmentsEncodedAlikeJoinWithoutReEncoding() throws Exception {
        Path input = TestVideos.withAudio(dir.resolve("input.mp4"), FRAMES, RATE, SegmentJoinTest::frame);
        List<Path> segments = List.of(segment(0, 0, 31, H264), segment(1, 31, 62, H264), segment(2, 62, FRAMES, H264));
        Path output = dir.resolve("out.mp4");

        assertEquals(SegmentJoin.Method.STREAM_COPY, SegmentJoin.write(segments, output, H264, RATE, AudioTrack.whole(input), false));

        List<Long> expected = new ArrayList<>();
        for (Path segment : segments) {
            expected.addAll(TestVideos.decode(segment).checksums());
        }
        TestVideos.Decoded joined = TestVideos.decode(output);
        assertEquals(expected, joined.checksums(), "the joined stream decodes to the segments' own frames: nothing was re-encoded");
        TestVideos.assertEvenlyTimed(joined, FRAMES, RATE);
        TestVideos.assertAudioCopied(input, output);
        assertEquals(List.of("input.mp4", "out.mp4", "segment-0.mp4", "segment-1.mp4", "segment-2.mp4"), listing());
    }

    @Test
    void segmentsEncodedOtherwiseAreEncodedOnceMore() throws Exception {
        Path input = TestVideos.withAudio(dir.resolve("input.mp4"), FRAMES, RATE, SegmentJoinTest::frame);
        List<Path> segments = List.of(segment(0, 0, 45, H264), segment(1, 45, FRAMES, new VideoSettings("mpeg4", 18, 2)));
        Path output = dir.resolve("out.mp4");

        assertEquals(SegmentJoin.Method.RE_ENCODED, SegmentJoin.write(segments, output, H264, RATE, AudioTrack.whole(input), false));

        TestVideos.Decoded joined = TestVideos.decode(output);
        assertEquals(avcodec.AV_CODEC_ID_H264, joined.codec());
        TestVideos.assertEvenlyTimed(joined, FRAMES, RATE);
        TestVideos.assertAudioCopied(input, output);
        assertEquals(List.of("input.mp4", "out.mp4", "segment-0.mp4", "segment-1.mp4"), listing());
    }

    /** Frames {@code first..end} of the pattern, encoded alone as a converted segment is (no audio). */
    private Path segment(int index, int first, int end, VideoSettings settings) {
        Path file = dir.resolve("segment-" + index + ".mp4");
        try (FrameSink sink = FrameSink.open(file, settings, RATE, null, false)) {
            for (int i = first; i < end; i++) {
                sink.write(frame(i));
            }
            sink.commit();
        }
        return file;
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A frame unlike every other: a gradient moving with {@code i} and a bright bar at its own row. */
    static Image frame(int i) {
        int width = 160;
        int height = 96;
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = (y * width + x) * 3;
                pixels[at] = (byte) ((x + 4 * i) & 0xff);
                pixels[at + 1] = (byte) ((y + 2 * i) & 0xff);
                pixels[at + 2] = (byte) (y == i % height ? 255 : 60);
            }
        }
        return new Image(width, height, ChannelOrder.BGR, pixels);
    }
}
