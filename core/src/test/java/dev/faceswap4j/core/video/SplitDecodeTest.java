package dev.faceswap4j.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faceswap4j.core.testing.TestData;
import dev.faceswap4j.core.testing.TestVideos;
import dev.faceswap4j.core.testing.TestVideos.Pattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video decoded in segments, each from the key frame before it, gives every frame once with the pixels of a decode
 * from the start: per-frame checksums compared on the shared clips and on clips made here whose frame order and
 * timing are what trips a split decode (open GOPs with B-frames and a start time in a transport stream, B-frames in
 * MP4, frames at irregular times).
 */
class SplitDecodeTest {

    @TempDir
    Path dir;

    @Test
    void openGopTransportStreamWithBFramesAndAStartTime() throws Exception {
        Path clip = TestVideos.pattern(dir, Pattern.MPEG2_TS_OPEN_GOP, 150);
        VideoIndex index = VideoIndex.scan(clip);
        assertTrue(index.time(0) > 1_000_000, "the transport stream starts past 1 s: " + index.time(0) + " µs");
        assertTrue(leadingFramesOfOpenGops(clip) > 0, "some GOP begins with frames shown before its key frame");
        assertTrue(reorderedFrames(clip) > 0, "B-frames");
        assertSplitEqualsStraight(clip, 17);
    }

    @Test
    void mpeg4WithBFrames() throws Exception {
        Path clip = TestVideos.pattern(dir, Pattern.MPEG4_B_FRAMES, 150);
        assertTrue(reorderedFrames(clip) > 40, "B-frames: " + reorderedFrames(clip));
        assertSplitEqualsStraight(clip, 17);
    }

    @Test
    void variableFrameRate() throws Exception {
        Path clip = TestVideos.pattern(dir, Pattern.VARIABLE_FRAME_RATE, 120);
        VideoIndex index = VideoIndex.scan(clip);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < index.frameCount(); i++) {
            gaps.add(index.time(i) - index.time(i - 1));
        }
        assertTrue(gaps.stream().distinct().count() >= 3, "frames 1, 2 and 3 thirtieths apart: " + gaps.subList(0, 10));
        assertSplitEqualsStraight(clip, 17);
    }

    @Test
    void sharedClips() {
        int found = 0;
        for (String name : List.of("nggyup.mp4", "dirtydancing.mp4", "woman-talking.mp4", "man-glasses-talking.mp4")) {
            Optional<Path> clip = TestData.sharedVideo(name);
            if (clip.isPresent()) {
                assertSplitEqualsStraight(clip.get(), 96);
                found++;
            }
        }
        assumeTrue(found > 0, TestData.missingMessage("nggyup.mp4 (and the other three clips)"));
    }

    /**
     * Cuts the clip into segments of about {@code segmentFrames} (batches of 4, 8 warm-up and 5 look-ahead frames) and
     * checks that the frames each segment decodes — its own and those around them — are the straight decode's.
     */
    private static void assertSplitEqualsStraight(Path clip, int segmentFrames) {
        Map<Integer, Long> straight = new LinkedHashMap<>();
        try (FrameSource source = FrameSource.open(clip)) {
            for (Frame frame; (frame = source.next()) != null; ) {
                straight.put(frame.index(), checksum(frame));
            }
        }
        VideoIndex index = VideoIndex.scan(clip);
        assertEquals(straight.size(), index.frameCount(), clip + ": frames decoded vs packets");
        assertTrue(index.splittable(), clip + " can be split");
        SegmentPlan plan = SegmentPlan.of(0, index.frameCount(), segmentFrames, 4, 8, 5);
        assertTrue(plan.size() > 2, clip + ": " + plan.size() + " segments");
        Map<Integer, Long> joined = new LinkedHashMap<>();
        for (Segment segment : plan.segments()) {
            int expected = segment.decodeFirst();
            try (FrameSource source = FrameSource.open(clip, segment, index)) {
                for (Frame frame; (frame = source.next()) != null; expected++) {
                    assertEquals(expected, frame.index(), clip + " segment " + segment);
                    assertEquals(straight.get(frame.index()), checksum(frame), clip + " frame " + frame.index() + " in " + segment);
                    if (segment.owns(frame.index())) {
                        assertTrue(joined.put(frame.index(), checksum(frame)) == null, "frame " + frame.index() + " twice");
                    }
                }
            }
            assertEquals(segment.decodeEnd(), expected, clip + ": every frame of " + segment);
        }
        assertEquals(straight, joined, clip.toString());
        System.out.printf("%s: %d frames, %d key frames, %d segments: every frame once, checksums equal%n", clip.getFileName(),
                index.frameCount(), index.keyFrameCount(), plan.size());
    }

    private static long checksum(Frame frame) {
        CRC32 crc = new CRC32();
        crc.update(frame.image().pixels());
        return crc.getValue();
    }

    /** Frames that follow a key frame in decode order but are shown before it: an open GOP's leading B-frames. */
    private static int leadingFramesOfOpenGops(Path clip) throws Exception {
        int leading = 0;
        long keyTime = Long.MIN_VALUE;
        for (long[] packet : videoPackets(clip)) {
            if (packet[1] != 0) {
                keyTime = packet[0];
            } else if (packet[0] < keyTime) {
                leading++;
            }
        }
        return leading;
    }

    /** Frames shown before a frame decoded earlier: B-frames. */
    private static int reorderedFrames(Path clip) throws Exception {
        int reordered = 0;
        long latest = Long.MIN_VALUE;
        for (long[] packet : videoPackets(clip)) {
            reordered += packet[0] < latest ? 1 : 0;
            latest = Math.max(latest, packet[0]);
        }
        return reordered;
    }

    /** Presentation time and key flag (1 or 0) of the video packets, in decode order. */
    private static List<long[]> videoPackets(Path clip) throws Exception {
        List<long[]> packets = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            grabber.start();
            for (AVPacket packet; (packet = grabber.grabPacket()) != null; ) {
                if (packet.stream_index() == grabber.getVideoStream()) {
                    packets.add(new long[] {packet.pts(), (packet.flags() & org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY) != 0 ? 1 : 0});
                }
            }
        }
        return packets;
    }
}
