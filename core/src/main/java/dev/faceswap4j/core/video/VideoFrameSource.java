package dev.faceswap4j.core.video;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import static dev.faceswap4j.toolkit.Messages.firstLine;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Video frames decoded by FFmpeg (through JavaCV), converted to BGR. */
final class VideoFrameSource implements FrameSource {

    private static final Logger log = LoggerFactory.getLogger(VideoFrameSource.class);

    private final FFmpegFrameGrabber grabber;
    private final Path file;
    private int next;

    private VideoFrameSource(FFmpegFrameGrabber grabber, Path file) {
        this.grabber = grabber;
        this.file = file;
    }

    static FrameSource open(Path file) {
        // Our own one-line errors say what went wrong; FFmpeg's log would add lines of its own.
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        grabber.setImageScalingFlags(VideoSettings.COLOUR_CONVERSION);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(grabber);
            String why = firstLine(e).startsWith("avformat_open_input()")
                    ? "FFmpeg cannot open it (damaged, cut short before its index, or not a video)" : firstLine(e);
            throw new FaceswapException("cannot read video " + file + ": " + why, e);
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly(grabber);
            throw new FaceswapException("cannot read video " + file + ": it has no video stream");
        }
        return new VideoFrameSource(grabber, file);
    }

    @Override
    public int frameCount() {
        return Math.max(0, grabber.getLengthInVideoFrames());
    }

    @Override
    public double frameRate() {
        return grabber.getFrameRate();
    }

    @Override
    public Frame next() {
        while (true) {
            org.bytedeco.javacv.Frame frame;
            try {
                frame = grabber.grabImage();
            } catch (FrameGrabber.Exception e) {
                // A damaged packet: FFmpeg resynchronises at the next one, so skip rather than stop.
                log.warn("skipping an unreadable frame after frame {} of {}: {}", next, file, firstLine(e));
                continue;
            }
            if (frame == null) {
                return null;
            }
            if (frame.image == null) {
                continue;
            }
            return new Frame(next++, null, toImage(frame));
        }
    }

    private static Image toImage(org.bytedeco.javacv.Frame frame) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        int rowBytes = width * 3;
        byte[] pixels = new byte[rowBytes * height];
        ByteBuffer buffer = ((ByteBuffer) frame.image[0]).duplicate();
        for (int y = 0; y < height; y++) {
            buffer.position(y * frame.imageStride);
            buffer.get(pixels, y * rowBytes, rowBytes);
        }
        return new Image(width, height, ChannelOrder.BGR, pixels);
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            log.debug("closing the grabber failed", e);
        }
    }
}
