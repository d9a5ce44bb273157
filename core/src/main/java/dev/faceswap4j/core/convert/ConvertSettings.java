package dev.faceswap4j.core.convert;

import com.typesafe.config.Config;
import dev.faceswap4j.core.config.WholeNumbers;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.people.People;
import dev.faceswap4j.core.video.FrameRange;
import dev.faceswap4j.core.video.VideoSettings;

/**
 * How faces are put back into frames ({@code faceswap4j.convert}).
 *
 * @param erode mask erosion, as a fraction of the face's side in the frame
 * @param blur mask feather (Gaussian kernel), as a fraction of the face's side in the frame
 * @param smooth landmark smoothing across frames: 0 = none, towards 1 = the past weighs more
 * @param largestOnly swap only the largest face of each frame
 * @param batchFrames frames whose faces go through the model in one call
 * @param video encoding of a video output
 * @param frames the input frames converted (e.g. the last 20 % a model was not trained on); the output holds only those
 * @param sharpen unsharp-mask amount for the face once it is scaled up to the frame (0 = none): a 64 px model face
 *        covering 300 frame pixels is soft, and a little sharpening restores the edges the eye looks for
 * @param temporal share of the previous frame's model face mixed into this frame's (same tracked face, in face
 *        coordinates; 0 = none): a small model's output wobbles from frame to frame, the person does not
 * @param people whose faces are swapped (the others pass unchanged)
 */
public record ConvertSettings(double erode, double blur, double smooth, boolean largestOnly,
        int batchFrames, VideoSettings video, FrameRange frames, double sharpen, double temporal, People people) {

    public ConvertSettings(double erode, double blur, double smooth, boolean largestOnly,
            int batchFrames, VideoSettings video) {
        this(erode, blur, smooth, largestOnly, batchFrames, video, FrameRange.ALL, 0, 0, People.EVERYONE);
    }

    public ConvertSettings {
        frames = frames == null ? FrameRange.ALL : frames;
        people = people == null ? People.EVERYONE : people;
        if (temporal < 0 || temporal >= 1) {
            throw new FaceswapException("convert.temporal must be in [0, 1), got " + temporal);
        }
        if (sharpen < 0 || sharpen > 5) {
            throw new FaceswapException("convert.sharpen must be in [0, 5], got " + sharpen);
        }
        if (erode < 0 || erode >= 0.5 || blur < 0 || blur >= 0.5) {
            throw new FaceswapException("convert.erode and convert.blur are fractions of the face size in [0, 0.5), got " + erode + " and " + blur);
        }
        if (smooth < 0 || smooth >= 1) {
            throw new FaceswapException("convert.smooth must be in [0, 1), got " + smooth);
        }
        if (batchFrames < 1) {
            throw new FaceswapException("convert.batch-frames must be at least 1, got " + batchFrames);
        }
    }

    public ConvertSettings withFrames(FrameRange range) {
        return new ConvertSettings(erode, blur, smooth, largestOnly, batchFrames, video, range, sharpen, temporal, people);
    }

    public ConvertSettings withPeople(People chosen) {
        return new ConvertSettings(erode, blur, smooth, largestOnly, batchFrames, video, frames, sharpen, temporal, chosen);
    }

    public static ConvertSettings from(Config convert) {
        return new ConvertSettings(convert.getDouble("erode"), convert.getDouble("blur"), convert.getDouble("smooth"),
                convert.getBoolean("largest-only"), WholeNumbers.intOf(convert, "faceswap4j.convert", "batch-frames"), VideoSettings.from(convert),
                FrameRange.parse(convert.getString("frames")), convert.getDouble("sharpen"), convert.getDouble("temporal"),
                People.from(convert));
    }
}
