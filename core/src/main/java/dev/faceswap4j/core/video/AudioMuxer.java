package dev.faceswap4j.core.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_compare_ts;

import dev.faceswap4j.api.FaceswapException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Puts the encoded video of one file and the audio of another into a new file without decoding
 * either (stream copy): the input's audio reaches the output bit for bit.
 */
final class AudioMuxer {

    private AudioMuxer() {}

    static boolean hasAudio(Path file) {
        return MediaInfo.hasAudio(file);
    }

    /** Writes {@code output} with the video packets of {@code videoFile} and the audio packets of {@code track}'s window. */
    static void mux(Path videoFile, AudioTrack track, Path output) {
        Path audioFile = track.file();
        AVFormatContext video = MediaInfo.open(videoFile);
        AVFormatContext audio = null;
        AVFormatContext out = null;
        AVPacket videoPacket = av_packet_alloc();
        AVPacket audioPacket = av_packet_alloc();
        try {
            audio = MediaInfo.open(audioFile);
            int videoIndex = MediaInfo.bestStream(video, AVMEDIA_TYPE_VIDEO);
            int audioIndex = MediaInfo.bestStream(audio, AVMEDIA_TYPE_AUDIO);
            if (videoIndex < 0 || audioIndex < 0) {
                throw new FaceswapException("cannot mux " + output + ": no video in " + videoFile + " or no audio in " + audioFile);
            }
            out = new AVFormatContext(null);
            if (avformat_alloc_output_context2(out, (AVOutputFormat) null, (String) null, output.toString()) < 0) {
                throw new FaceswapException("cannot write " + output + ": FFmpeg knows no container for its extension");
            }
            AVStream videoOut = copyStream(out, video.streams(videoIndex));
            AVStream audioOut = copyStream(out, audio.streams(audioIndex));
            MediaInfo.startWriting(out, output);
            AVRational videoBase = video.streams(videoIndex).time_base();
            AVRational audioBase = audio.streams(audioIndex).time_base();
            boolean moreVideo = next(video, videoIndex, videoPacket);
            // A window: packets before it are dropped, the rest shifted to start at zero, and it ends at its end.
            long audioShift = track.isWhole() ? Long.MIN_VALUE : Math.round(track.fromSeconds() * audioBase.den() / (double) audioBase.num());
            double audioEnd = track.toSeconds() * audioBase.den() / (double) audioBase.num();
            boolean moreAudio = nextInWindow(audio, audioIndex, audioPacket, audioShift, audioEnd);
            while (moreVideo || moreAudio) {
                boolean videoFirst = moreVideo && (!moreAudio
                        || av_compare_ts(time(videoPacket), videoBase, time(audioPacket), audioBase) <= 0);
                if (videoFirst) {
                    write(out, videoPacket, videoBase, videoOut, output);
                    moreVideo = next(video, videoIndex, videoPacket);
                } else {
                    write(out, audioPacket, audioBase, audioOut, output);
                    moreAudio = nextInWindow(audio, audioIndex, audioPacket, audioShift, audioEnd);
                }
            }
            if (av_write_trailer(out) < 0) {
                throw new FaceswapException("cannot finish " + output);
            }
        } finally {
            av_packet_free(videoPacket);
            av_packet_free(audioPacket);
            if (out != null) {
                if (out.pb() != null) {
                    avio_closep(out.pb());
                }
                avformat_free_context(out);
            }
            MediaInfo.close(video);
            if (audio != null) {
                MediaInfo.close(audio);
            }
        }
    }

    private static AVStream copyStream(AVFormatContext out, AVStream source) {
        AVStream stream = avformat_new_stream(out, null);
        if (stream == null || avcodec_parameters_copy(stream.codecpar(), source.codecpar()) < 0) {
            throw new FaceswapException("cannot copy a stream's parameters");
        }
        // The source container's codec tag may not be valid in the output container; let the muxer choose.
        stream.codecpar().codec_tag(0);
        stream.time_base(source.time_base());
        return stream;
    }

    /** Reads the next packet of stream {@code index}; false at the end. */
    private static boolean next(AVFormatContext context, int index, AVPacket packet) {
        while (true) {
            av_packet_unref(packet);
            if (av_read_frame(context, packet) < 0) {
                return false;
            }
            if (packet.stream_index() == index) {
                return true;
            }
        }
    }

    /**
     * The next packet of stream {@code index} whose time lies in [shift, end), moved back by {@code shift};
     * {@code shift} = {@link Long#MIN_VALUE} takes every packet unchanged.
     */
    private static boolean nextInWindow(AVFormatContext context, int index, AVPacket packet, long shift, double end) {
        if (shift == Long.MIN_VALUE) {
            return next(context, index, packet);
        }
        while (next(context, index, packet)) {
            long time = time(packet);
            if (time != AV_NOPTS_VALUE && time >= end) {
                return false;
            }
            if (time != AV_NOPTS_VALUE && time < shift) {
                continue;
            }
            if (packet.pts() != AV_NOPTS_VALUE) {
                packet.pts(packet.pts() - shift);
            }
            if (packet.dts() != AV_NOPTS_VALUE) {
                packet.dts(packet.dts() - shift);
            }
            return true;
        }
        return false;
    }

    private static long time(AVPacket packet) {
        return packet.dts() != AV_NOPTS_VALUE ? packet.dts() : packet.pts();
    }

    private static void write(AVFormatContext out, AVPacket packet, AVRational from, AVStream to, Path output) {
        av_packet_rescale_ts(packet, from, to.time_base());
        packet.stream_index(to.index());
        packet.pos(-1);
        if (av_interleaved_write_frame(out, packet) < 0) {
            throw new FaceswapException("cannot write a packet into " + output);
        }
    }
}
