package dev.faceswap4j.core.video;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.core.util.PartialFiles;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Encodes frames into a video (constant frame rate, yuv420p) under a hidden name; on commit, the
 * input's audio packets are copied in by {@link AudioMuxer} and the result is renamed into place.
 */
final class VideoFileSink implements FrameSink {

    private final Path output;
    private final Path videoOnly;
    private final Path muxed;
    private final VideoSettings settings;
    private final double frameRate;
    private final AudioTrack audio;
    /** The video whose bit rate sets this one's (the input converted), or null. */
    private final Path bitrateSource;
    private FFmpegFrameRecorder recorder;
    private org.bytedeco.javacv.Frame buffer;
    private boolean committed;
    private int written;

    VideoFileSink(Path output, VideoSettings settings, double frameRate, AudioTrack audio) {
        this(output, settings, frameRate, audio, audio == null ? null : audio.file());
    }

    VideoFileSink(Path output, VideoSettings settings, double frameRate, AudioTrack audio, Path bitrateSource) {
        this.output = output;
        this.videoOnly = hidden(output, "video");
        this.muxed = hidden(output, "partial");
        this.settings = settings;
        this.frameRate = frameRate > 0 ? frameRate : 25;
        this.audio = audio;
        this.bitrateSource = bitrateSource;
    }

    @Override
    public void write(Image frame) {
        if (frame.order() != ChannelOrder.BGR) {
            throw new IllegalArgumentException("frames are BGR, got " + frame.order());
        }
        if (recorder == null) {
            start(frame.width(), frame.height());
        } else if (frame.width() != buffer.imageWidth || frame.height() != buffer.imageHeight) {
            throw new FaceswapException("cannot write frame " + (written + 1) + " of " + output + ": it is " + frame.width() + "x" + frame.height()
                    + ", the video is " + buffer.imageWidth + "x" + buffer.imageHeight + " (its first frame); the frames of a video share one size"
                    + " — convert images of several sizes into a folder (an output without extension)");
        }
        ByteBuffer pixels = (ByteBuffer) buffer.image[0];
        int rowBytes = frame.width() * 3;
        for (int y = 0; y < frame.height(); y++) {
            pixels.position(y * buffer.imageStride);
            pixels.put(frame.pixels(), y * rowBytes, rowBytes);
        }
        pixels.rewind();
        try {
            recorder.record(buffer, avutil.AV_PIX_FMT_BGR24);
            written++;
        } catch (FrameRecorder.Exception e) {
            throw new FaceswapException("cannot encode a frame of " + output + ": " + Messages.firstLine(e), e);
        }
    }

    private void start(int width, int height) {
        // The encoder's own notes (profile changes, the stream dump) are not the user's business; failures are ours to say.
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        recorder = new FFmpegFrameRecorder(videoOnly.toFile(), width, height, 0);
        recorder.setVideoCodecName(settings.codec());
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setImageScalingFlags(VideoSettings.COLOUR_CONVERSION);
        recorder.setFrameRate(frameRate);
        recorder.setVideoOption("crf", Integer.toString(settings.crf()));
        recorder.setVideoBitrate((int) Math.min(Integer.MAX_VALUE, settings.bitrateFactor() * sourceBitrate(width, height)));
        try {
            recorder.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            throw new FaceswapException("cannot start encoding " + output + " with " + settings.codec() + ": " + Messages.firstLine(e), e);
        }
        buffer = new org.bytedeco.javacv.Frame(width, height, org.bytedeco.javacv.Frame.DEPTH_UBYTE, 3);
    }

    /** The input's video bit rate where known, else about 0.1 bit per pixel per frame. */
    private long sourceBitrate(int width, int height) {
        long known = bitrateSource == null ? 0 : MediaInfo.videoBitrate(bitrateSource);
        return known > 0 ? known : (long) (0.1 * width * height * frameRate);
    }

    @Override
    public void commit() {
        if (recorder == null) {
            throw new FaceswapException("no frames to write into " + output);
        }
        try {
            recorder.stop();
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            throw new FaceswapException("cannot finish " + output + ": " + Messages.firstLine(e), e);
        }
        recorder = null;
        publish(videoOnly, audio, output);
        committed = true;
    }

    /** A partial file of this process beside {@code output}, with its extension (FFmpeg picks the container by it). */
    static Path hidden(Path output, String role) {
        String name = output.getFileName().toString();
        return PartialFiles.beside(output, role + name.substring(name.lastIndexOf('.')));
    }

    /**
     * Moves the finished {@code videoOnly} (a {@link #hidden} file of {@code output}) into place with {@code audio}'s
     * packets copied in, when there is audio; the hidden files are gone afterwards, whatever happened.
     */
    static void publish(Path videoOnly, AudioTrack audio, Path output) {
        Path muxed = hidden(output, "partial");
        try {
            Path finished = videoOnly;
            if (audio != null && AudioMuxer.hasAudio(audio.file())) {
                AudioMuxer.mux(videoOnly, audio, muxed);
                finished = muxed;
            }
            Files.move(finished, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FaceswapException("cannot move the video into " + output + ": " + Messages.firstLine(e), e);
        } finally {
            FileTrees.deleteQuietly(videoOnly);
            FileTrees.deleteQuietly(muxed);
            PartialFiles.done(videoOnly);
            PartialFiles.done(muxed);
        }
    }

    @Override
    public void close() {
        if (recorder != null) {
            try {
                recorder.release();
            } catch (FrameRecorder.Exception | RuntimeException e) {
                // Already failing; the partial file goes below.
            }
            recorder = null;
        }
        if (!committed) {
            FileTrees.deleteQuietly(videoOnly);
            FileTrees.deleteQuietly(muxed);
        }
    }
}
