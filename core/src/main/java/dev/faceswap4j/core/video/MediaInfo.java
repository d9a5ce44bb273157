package dev.faceswap4j.core.video;

import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;

import dev.faceswap4j.api.FaceswapException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;

/** What FFmpeg's demuxer says about a media file's streams. */
final class MediaInfo {

    private MediaInfo() {}

    /** An opened demuxer with its stream information; close with {@link #close}. */
    static AVFormatContext open(Path file) {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        AVFormatContext context = new AVFormatContext(null);
        if (avformat_open_input(context, file.toString(), null, null) < 0) {
            throw new FaceswapException("cannot read media file " + file);
        }
        if (avformat_find_stream_info(context, (PointerPointer<?>) null) < 0) {
            close(context);
            throw new FaceswapException("cannot read the streams of " + file);
        }
        return context;
    }

    /** Opens {@code output} for {@code out} (its streams added) and writes the container's header. */
    static void startWriting(AVFormatContext out, Path output) {
        AVIOContext io = new AVIOContext(null);
        if (avio_open(io, output.toString(), AVIO_FLAG_WRITE) < 0) {
            throw new FaceswapException("cannot open " + output + " for writing");
        }
        out.pb(io);
        if (avformat_write_header(out, (AVDictionary) null) < 0) {
            throw new FaceswapException("cannot write the header of " + output);
        }
    }

    static void close(AVFormatContext context) {
        avformat_close_input(context);
    }

    /** Index of the main stream of {@code mediaType} ({@code AVMEDIA_TYPE_*}), or a negative number. */
    static int bestStream(AVFormatContext context, int mediaType) {
        return av_find_best_stream(context, mediaType, -1, -1, (AVCodec) null, 0);
    }

    /** Whether {@code file} is a media file with an audio stream (false for images and folders). */
    static boolean hasAudio(Path file) {
        if (!Files.isRegularFile(file) || ImageFolderSource.isImage(file)) {
            return false;
        }
        AVFormatContext context = open(file);
        try {
            return bestStream(context, avutil.AVMEDIA_TYPE_AUDIO) >= 0;
        } finally {
            close(context);
        }
    }

    /** The video stream's bit rate in bit/s, else the container's; 0 when neither is known. */
    static long videoBitrate(Path file) {
        if (!Files.isRegularFile(file) || ImageFolderSource.isImage(file)) {
            return 0;
        }
        AVFormatContext context = open(file);
        try {
            int video = bestStream(context, avutil.AVMEDIA_TYPE_VIDEO);
            long bitrate = video >= 0 ? context.streams(video).codecpar().bit_rate() : 0;
            return bitrate > 0 ? bitrate : Math.max(0, context.bit_rate());
        } finally {
            close(context);
        }
    }
}
