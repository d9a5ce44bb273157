package dev.faceswap4j.core.video;

import com.typesafe.config.Config;
import dev.faceswap4j.core.config.WholeNumbers;
import dev.faceswap4j.api.FaceswapException;

/**
 * How a converted video is encoded.
 *
 * @param codec FFmpeg encoder name ({@code libopenh264} is the H.264 encoder of the bundled LGPL
 *     FFmpeg; {@code libx264} where an FFmpeg with it is on the class path)
 * @param crf constant rate factor for encoders that have one (libx264), ignored by others
 * @param bitrateFactor bit rate as a multiple of the input's (encoders without crf), above 0
 */
public record VideoSettings(String codec, int crf, double bitrateFactor) {

    /**
     * swscale flags for the YUV 4:2:0 ↔ BGR conversions of decode and encode: bicubic, accurate rounding
     * and full chroma interpolation. The default (bilinear, fast) loses about a dB of PSNR on every
     * pixel of a decode → encode round trip, the face or not.
     */
    static final int COLOUR_CONVERSION = org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC | org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND
            | org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT | org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INP;

    public VideoSettings {
        if (crf < 0 || crf > 51) {
            throw new FaceswapException("convert.crf must be 0..51, got " + crf);
        }
        if (!(bitrateFactor > 0)) {
            // 0 would leave the encoder's own default: 400 kb/s, a blur at 720p.
            throw new FaceswapException("convert.bitrate-factor must be above 0 (a multiple of the input's bit rate), got " + bitrateFactor);
        }
    }

    public static VideoSettings from(Config convert) {
        return new VideoSettings(convert.getString("codec"), WholeNumbers.intOf(convert, "faceswap4j.convert", "crf"), convert.getDouble("bitrate-factor"));
    }
}
