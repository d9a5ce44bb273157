package dev.faceswap4j.core.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Video output: frame count, rate, the input's audio copied bit for bit, and nothing left behind on failure. */
class FrameSinkTest {

    private static final int FRAMES = 30;
    private static final double RATE = 25;
    private static final VideoSettings H264 = new VideoSettings("libopenh264", 18, 2);

    @TempDir
    Path dir;

    @Test
    void aVideoKeepsFrameCountRateAndTheInputsAudioPackets() throws Exception {
        Path input = TestVideos.withAudio(dir.resolve("input.mp4"), FRAMES, RATE, FrameSinkTest::frame);
        Path output = dir.resolve("out.mp4");
        try (FrameSink sink = FrameSink.open(output, H264, RATE, input, false)) {
            for (int i = 0; i < FRAMES; i++) {
                sink.write(frame(i));
            }
            sink.commit();
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(output.toFile())) {
            grabber.start();
            assertEquals(RATE, grabber.getFrameRate(), 1e-6);
            assertEquals(160, grabber.getImageWidth());
            assertEquals(1, grabber.getAudioChannels());
            int frames = 0;
            while (grabber.grabImage() != null) {
                frames++;
            }
            assertEquals(FRAMES, frames);
        }
        List<byte[]> before = TestVideos.audioPackets(input);
        List<byte[]> after = TestVideos.audioPackets(output);
        assertTrue(before.size() > 10, "audio packets in the input: " + before.size());
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), "audio packet " + i);
        }
        assertEquals(List.of("input.mp4", "out.mp4"), listing());
    }

    @Test
    void anExistingOutputIsKeptUnlessOverwriting() throws Exception {
        Path output = Files.writeString(dir.resolve("out.mp4"), "earlier result");
        FaceswapException e = assertThrows(FaceswapException.class, () -> FrameSink.open(output, H264, RATE, null, false));
        assertTrue(e.getMessage().contains(output.toString()), e.getMessage());
        try (FrameSink sink = FrameSink.open(output, H264, RATE, null, true)) {
            sink.write(frame(0));
            // No commit: a failed conversion.
        }
        assertEquals("earlier result", Files.readString(output));
        assertEquals(List.of("out.mp4"), listing());
    }

    @Test
    void aFolderOfPngsAppearsOnlyWhenComplete() throws Exception {
        Path output = dir.resolve("frames");
        try (FrameSink sink = FrameSink.open(output, H264, RATE, null, false)) {
            sink.write(frame(0));
            sink.write(frame(1));
            assertFalse(Files.exists(output));
            sink.commit();
        }
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(List.of("frame_000000.png", "frame_000001.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anUnwritableFolderIsReportedBeforeAnyWork() {
        Path output = dir.resolve("missing").resolve("out.mp4");
        FaceswapException e = assertThrows(FaceswapException.class, () -> FrameSink.open(output, H264, RATE, null, false));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    /** A folder meant as {@code sharpen-1.5} reads as a file of type ".5": refused by name before any frame, nothing written. */
    @Test
    void anExtensionFfmpegDoesNotKnowIsReportedBeforeAnyWork() throws Exception {
        for (Path output : List.of(dir.resolve("sharpen-1.5"), dir.resolve("out.mp5"))) {
            FaceswapException open = assertThrows(FaceswapException.class, () -> FrameSink.open(output, H264, RATE, null, false));
            assertTrue(open.getMessage().startsWith("cannot write " + output + ": FFmpeg knows no video format by the extension ."),
                    open.getMessage());
            assertThrows(FaceswapException.class, () -> FrameSink.openPart(output, H264, RATE, null));
        }
        assertEquals(List.of(), listing());
        for (String known : List.of("out.mkv", "out.mov", "out.webm", "out.avi")) {
            assertDoesNotThrow(() -> FrameSink.open(dir.resolve(known), H264, RATE, null, false).close(), known);
        }
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A moving gradient, so the encoder has something to do. */
    private static Image frame(int index) {
        byte[] pixels = new byte[160 * 120 * 3];
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                int p = 3 * (y * 160 + x);
                pixels[p] = (byte) (x + index * 4);
                pixels[p + 1] = (byte) (y * 2);
                pixels[p + 2] = (byte) (index * 8);
            }
        }
        return new Image(160, 120, ChannelOrder.BGR, pixels);
    }
}
