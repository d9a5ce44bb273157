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
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import dev.faceswap4j.api.FaceswapException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Joins the video streams of several files, in order, into one file without decoding them (stream copy): each
 * file's packets follow the previous file's, shifted to start where it ended. This is only a valid stream when the
 * files were encoded alike — the same codec, size and pixel format and the same parameter sets (an H.264 stream's
 * SPS and PPS, which an MP4 keeps once, in the stream's extradata) — and each starts with a key frame;
 * {@link #incompatibility} says when they were not.
 */
final class StreamConcat {

    private StreamConcat() {}

    /** Why the video streams of {@code files} cannot be joined without re-encoding, or empty when they can. */
    static Optional<String> incompatibility(List<Path> files) {
        AVFormatContext first = MediaInfo.open(files.get(0));
        try {
            AVCodecParameters reference = videoStream(first, files.get(0)).codecpar();
            for (Path file : files.subList(1, files.size())) {
                AVFormatContext other = MediaInfo.open(file);
                try {
                    AVCodecParameters candidate = videoStream(other, file).codecpar();
                    String difference = difference(reference, candidate);
                    if (difference != null) {
                        return Optional.of(file.getFileName() + " differs from " + files.get(0).getFileName() + " in its " + difference);
                    }
                } finally {
                    MediaInfo.close(other);
                }
            }
            return Optional.empty();
        } finally {
            MediaInfo.close(first);
        }
    }

    private static String difference(AVCodecParameters a, AVCodecParameters b) {
        if (a.codec_id() != b.codec_id()) {
            return "codec";
        }
        if (a.width() != b.width() || a.height() != b.height()) {
            return "size (" + a.width() + "x" + a.height() + " vs " + b.width() + "x" + b.height() + ")";
        }
        if (a.format() != b.format()) {
            return "pixel format";
        }
        if (a.profile() != b.profile() || a.level() != b.level()) {
            return "profile or level";
        }
        if (!Arrays.equals(extradata(a), extradata(b))) {
            return "parameter sets (SPS/PPS)";
        }
        return null;
    }

    private static byte[] extradata(AVCodecParameters parameters) {
        byte[] bytes = new byte[Math.max(0, parameters.extradata_size())];
        if (bytes.length > 0) {
            parameters.extradata().get(bytes);
        }
        return bytes;
    }

    /** Writes the video packets of {@code files}, one file after the other, into {@code output}; call {@link #incompatibility} first. */
    static void join(List<Path> files, Path output) {
        List<AVFormatContext> inputs = new ArrayList<>();
        AVFormatContext out = null;
        AVPacket packet = av_packet_alloc();
        try {
            for (Path file : files) {
                inputs.add(MediaInfo.open(file));
            }
            AVStream firstStream = videoStream(inputs.get(0), files.get(0));
            out = new AVFormatContext(null);
            if (avformat_alloc_output_context2(out, (AVOutputFormat) null, (String) null, output.toString()) < 0) {
                throw new FaceswapException("cannot write " + output + ": FFmpeg knows no container for its extension");
            }
            AVStream stream = avformat_new_stream(out, null);
            if (stream == null || avcodec_parameters_copy(stream.codecpar(), firstStream.codecpar()) < 0) {
                throw new FaceswapException("cannot copy the video stream's parameters into " + output);
            }
            stream.codecpar().codec_tag(0);
            stream.time_base(firstStream.time_base());
            MediaInfo.startWriting(out, output);
            AVRational outBase = stream.time_base();
            long offset = 0;
            long lastDts = Long.MIN_VALUE;
            for (int i = 0; i < files.size(); i++) {
                AVFormatContext input = inputs.get(i);
                AVStream in = videoStream(input, files.get(i));
                AVRational base = in.time_base();
                long start = Long.MAX_VALUE;
                long end = Long.MIN_VALUE;
                // First the file's span, so its packets can be shifted to start where the previous file ended.
                while (av_read_frame(input, packet) >= 0) {
                    if (packet.stream_index() == in.index() && packet.pts() != AV_NOPTS_VALUE) {
                        long pts = av_rescale_q(packet.pts(), base, outBase);
                        start = Math.min(start, pts);
                        end = Math.max(end, pts + Math.max(1, av_rescale_q(packet.duration(), base, outBase)));
                    }
                    av_packet_unref(packet);
                }
                MediaInfo.close(input);
                inputs.set(i, MediaInfo.open(files.get(i)));
                input = inputs.get(i);
                in = videoStream(input, files.get(i));
                if (start == Long.MAX_VALUE) {
                    throw new FaceswapException("segment " + files.get(i) + " holds no video frames");
                }
                long shift = offset - start;
                while (av_read_frame(input, packet) >= 0) {
                    if (packet.stream_index() == in.index()) {
                        av_packet_rescale_ts(packet, in.time_base(), outBase);
                        if (packet.pts() != AV_NOPTS_VALUE) {
                            packet.pts(packet.pts() + shift);
                        }
                        if (packet.dts() != AV_NOPTS_VALUE) {
                            packet.dts(packet.dts() + shift);
                            if (packet.dts() <= lastDts) {
                                throw new FaceswapException("cannot join " + files.get(i).getFileName() + " after the segment before it: its decode"
                                        + " times overlap (" + packet.dts() + " after " + lastDts + ")");
                            }
                            lastDts = packet.dts();
                        }
                        packet.stream_index(stream.index());
                        packet.pos(-1);
                        if (av_interleaved_write_frame(out, packet) < 0) {
                            throw new FaceswapException("cannot write a packet into " + output);
                        }
                    }
                    av_packet_unref(packet);
                }
                offset += end - start;
            }
            if (av_write_trailer(out) < 0) {
                throw new FaceswapException("cannot finish " + output);
            }
        } finally {
            av_packet_free(packet);
            if (out != null) {
                if (out.pb() != null) {
                    avio_closep(out.pb());
                }
                avformat_free_context(out);
            }
            inputs.forEach(MediaInfo::close);
        }
    }

    private static AVStream videoStream(AVFormatContext context, Path file) {
        int index = MediaInfo.bestStream(context, AVMEDIA_TYPE_VIDEO);
        if (index < 0) {
            throw new FaceswapException("segment " + file + " holds no video stream");
        }
        return context.streams(index);
    }
}
