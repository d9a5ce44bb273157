package dev.faceswap4j.core.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.OpenCvImages;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/** Small videos with sound, written by FFmpeg's own encoders, and a look at their audio packets. */
public final class TestVideos {

    private TestVideos() {}

    /** An MPEG-4 part 2 video of {@code frames} BGR frames with a 440 Hz mono AAC tone. */
    public static Path withAudio(Path file, int frames, double rate, IntFunction<Image> frame) throws Exception {
        return write(file, frames, rate, frame, 0);
    }

    /**
     * What a phone writes when held upright: the {@code upright} frames stored turned a quarter counter-clockwise
     * (sideways), and a display matrix that says to turn them a quarter clockwise to show them (the {@code rotate=90}
     * tag, -90 degrees in FFmpeg's counter-clockwise convention).
     */
    public static Path phoneClip(Path file, int frames, double rate, IntFunction<Image> upright) throws Exception {
        return write(file, frames, rate, i -> turnCounterClockwise(upright.apply(i)), -90);
    }

    private static Image turnCounterClockwise(Image image) {
        try (Mat source = OpenCvImages.toMat(image); Mat turned = new Mat()) {
            opencv_core.rotate(source, turned, opencv_core.ROTATE_90_COUNTERCLOCKWISE);
            return OpenCvImages.toImage(turned, image.order());
        }
    }

    private static Path write(Path file, int frames, double rate, IntFunction<Image> frame, double displayRotation) throws Exception {
        Image first = frame.apply(0);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), first.width(), first.height(), 1)) {
            recorder.setDisplayRotation(displayRotation);
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoQuality(2);
            recorder.setFrameRate(rate);
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(44100);
            recorder.setAudioChannels(1);
            recorder.start();
            Frame video = new Frame(first.width(), first.height(), Frame.DEPTH_UBYTE, 3);
            int samplesPerFrame = (int) (44100 / rate);
            for (int i = 0; i < frames; i++) {
                Image image = frame.apply(i);
                ByteBuffer pixels = (ByteBuffer) video.image[0];
                int rowBytes = image.width() * 3;
                for (int y = 0; y < image.height(); y++) {
                    pixels.position(y * video.imageStride);
                    pixels.put(image.pixels(), y * rowBytes, rowBytes);
                }
                pixels.rewind();
                recorder.record(video, avutil.AV_PIX_FMT_BGR24);
                short[] tone = new short[samplesPerFrame];
                for (int s = 0; s < tone.length; s++) {
                    tone[s] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (i * samplesPerFrame + s) / 44100.0));
                }
                recorder.recordSamples(44100, 1, ShortBuffer.wrap(tone));
            }
            recorder.stop();
        }
        return file;
    }

    /** Test patterns for decoders: the encoder's way of ordering and timing frames is what differs. */
    public enum Pattern {
        /** MPEG-2 video in an MPEG transport stream: B-frames, open GOPs of 12, a start time above 1 s. */
        MPEG2_TS_OPEN_GOP("ts"),
        /** MPEG-4 part 2 in MP4 with two B-frames between references. */
        MPEG4_B_FRAMES("mp4"),
        /** MPEG-4 part 2 in MP4 whose frames come 1, 2 or 3 thirtieths of a second apart. */
        VARIABLE_FRAME_RATE("mp4");

        final String extension;

        Pattern(String extension) {
            this.extension = extension;
        }
    }

    /**
     * A clip of {@code frames} frames of 160x120 in which every frame differs from every other (a moving gradient and
     * the frame number's bits as blocks), so a lost, repeated or swapped frame shows in a checksum.
     */
    public static Path pattern(Path dir, Pattern pattern, int frames) throws Exception {
        Path file = dir.resolve(pattern.name().toLowerCase(java.util.Locale.ROOT) + "." + pattern.extension);
        int width = 160;
        int height = 120;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            recorder.setFrameRate(30);
            recorder.setGopSize(12);
            recorder.setVideoQuality(4);
            if (pattern == Pattern.MPEG2_TS_OPEN_GOP) {
                recorder.setFormat("mpegts");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG2VIDEO);
                // A broadcast stream's clock does not start at 0: timestamps 1.44 s on, as a cut from a recording has.
                recorder.setOption("output_ts_offset", "1.44");
            } else {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            }
            recorder.setMaxBFrames(pattern == Pattern.VARIABLE_FRAME_RATE ? 0 : 2);
            recorder.start();
            Frame video = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            int slot = 0;
            for (int i = 0; i < frames; i++) {
                ByteBuffer pixels = (ByteBuffer) video.image[0];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int bit = (x / 10) + 16 * (y / 60);
                        int block = bit < 16 && ((i >> bit) & 1) != 0 ? 200 : 0;
                        int at = y * video.imageStride + 3 * x;
                        pixels.put(at, (byte) ((x + 3 * i) & 0xff));
                        pixels.put(at + 1, (byte) ((y * 2 + i) & 0xff));
                        pixels.put(at + 2, (byte) block);
                    }
                }
                if (pattern == Pattern.VARIABLE_FRAME_RATE) {
                    recorder.setFrameNumber(slot);
                    slot += 1 + (i * 7 % 3);
                }
                recorder.record(video, avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        }
        return file;
    }

    /** The payload of every packet of the file's audio stream, in order. */
    public static List<byte[]> audioPackets(Path file) throws Exception {
        List<byte[]> packets = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            int audio = grabber.getAudioStream();
            for (AVPacket packet; (packet = grabber.grabPacket()) != null; ) {
                if (packet.stream_index() == audio) {
                    byte[] data = new byte[packet.size()];
                    packet.data().get(data);
                    packets.add(data);
                }
            }
        }
        return packets;
    }

    /** A video as decoded: a checksum of each frame's pixels, its timestamp (µs), the stream's duration (µs) and codec. */
    public record Decoded(List<Long> checksums, List<Long> times, long duration, int codec) {}

    public static Decoded decode(Path file) throws Exception {
        List<Long> checksums = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            for (Frame frame; (frame = grabber.grabImage()) != null; ) {
                times.add(grabber.getTimestamp());
                // The rows' pixels only: a row's stride may hold padding that is not part of the picture.
                CRC32 crc = new CRC32();
                ByteBuffer pixels = ((ByteBuffer) frame.image[0]).duplicate();
                byte[] row = new byte[frame.imageWidth * frame.imageChannels];
                for (int y = 0; y < frame.imageHeight; y++) {
                    pixels.position(y * frame.imageStride);
                    pixels.get(row);
                    crc.update(row);
                }
                checksums.add(crc.getValue());
            }
            var stream = grabber.getFormatContext().streams(grabber.getVideoStream());
            long duration = stream.duration() * 1_000_000L * stream.time_base().num() / stream.time_base().den();
            return new Decoded(checksums, times, duration, grabber.getVideoCodec());
        }
    }

    /** {@code frames} frames, each {@code 1/rate} after the one before (no gap, no repeat), lasting frames / rate. */
    public static void assertEvenlyTimed(Decoded video, int frames, double rate) {
        assertEquals(frames, video.times().size(), "frames");
        long step = Math.round(1_000_000 / rate);
        for (int i = 1; i < video.times().size(); i++) {
            long gap = video.times().get(i) - video.times().get(i - 1);
            assertTrue(Math.abs(gap - step) <= 1, "frame " + i + " comes " + gap + " µs after the one before, not " + step);
        }
        assertEquals(frames / rate, video.duration() / 1e6, 0.5 / rate, "duration = frames / fps");
    }

    /** {@code output}'s audio packets are {@code input}'s, bit for bit. */
    public static void assertAudioCopied(Path input, Path output) throws Exception {
        List<byte[]> before = audioPackets(input);
        List<byte[]> after = audioPackets(output);
        assertTrue(before.size() > 50, "audio packets in the input: " + before.size());
        assertEquals(before.size(), after.size(), "audio packets");
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), "audio packet " + i);
        }
    }
}
