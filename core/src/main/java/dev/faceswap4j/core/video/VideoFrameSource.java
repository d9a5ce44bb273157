package dev.faceswap4j.core.video;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import static dev.faceswap4j.toolkit.Messages.firstLine;
import dev.faceswap4j.core.image.OpenCvImages;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Video frames decoded by FFmpeg (through JavaCV), converted to BGR and turned upright: a phone stores its pixels
 * sideways and says in the stream's display matrix (the old {@code rotate} tag) how to turn them, which FFmpeg's
 * player applies and its decoder does not.
 */
final class VideoFrameSource implements FrameSource {

    private static final Logger log = LoggerFactory.getLogger(VideoFrameSource.class);

    private final FFmpegFrameGrabber grabber;
    private final Path file;
    /** Clockwise quarter turns that make a decoded frame upright (0 to 3). */
    private final int quarterTurns;
    private int next;

    private VideoFrameSource(FFmpegFrameGrabber grabber, Path file, int quarterTurns) {
        this.grabber = grabber;
        this.file = file;
        this.quarterTurns = quarterTurns;
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
        return new VideoFrameSource(grabber, file, quarterTurns(grabber.getDisplayRotation(), file));
    }

    /**
     * The display matrix's rotation is counter-clockwise in degrees (-90 for a phone's {@code rotate=90}); frames are
     * turned by whole quarter turns, the other angles no camera writes are left as they are.
     */
    static int quarterTurns(double displayRotation, Path file) {
        if (Double.isNaN(displayRotation) || displayRotation == 0) {
            return 0;
        }
        double turns = -displayRotation / 90;
        if (Math.abs(turns - Math.rint(turns)) > 1e-3) {
            log.warn("{} asks to be shown turned by {} degrees; frames are read as stored", file, displayRotation);
            return 0;
        }
        return Math.floorMod((long) Math.rint(turns), 4);
    }

    @Override
    public int frameCount() {
        return Math.max(0, grabber.getLengthInVideoFrames());
    }

    @Override
    public double frameRate() {
        return grabber.getFrameRate();
    }

    /** JavaCV's timestamp of the frame {@link #next()} returned last, in microseconds (container start time included). */
    long lastTime() {
        return grabber.getTimestamp();
    }

    /**
     * Moves to the key frame at or before {@code time} (a frame timestamp as {@link #lastTime()} gives) and decodes up to
     * it. JavaCV adds the container's start time to the time it is given, which frame timestamps already hold, so it
     * is taken off here. Some demuxers (MPEG-TS) land a key frame late: the caller checks the frames that follow.
     */
    void seek(long time) {
        long start = grabber.getFormatContext().start_time();
        try {
            grabber.setTimestamp(time - (start == avutil.AV_NOPTS_VALUE ? 0 : start));
        } catch (FrameGrabber.Exception e) {
            throw new FaceswapException("cannot seek in video " + file + ": " + firstLine(e), e);
        }
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
            return new Frame(next++, null, upright(toImage(frame)));
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

    private Image upright(Image image) {
        if (quarterTurns == 0) {
            return image;
        }
        int code = switch (quarterTurns) {
            case 1 -> opencv_core.ROTATE_90_CLOCKWISE;
            case 2 -> opencv_core.ROTATE_180;
            default -> opencv_core.ROTATE_90_COUNTERCLOCKWISE;
        };
        try (Mat stored = OpenCvImages.toMat(image); Mat turned = new Mat()) {
            opencv_core.rotate(stored, turned, code);
            return OpenCvImages.toImage(turned, image.order());
        }
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
