package dev.faceswap4j.core.train;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.face.FaceWindow;

/**
 * Settings of the training augmentation ({@code faceswap4j.train.augmentation}). Pixel values are
 * for a 256 px crop and scale with the crop size.
 *
 * @param rotation largest rotation, degrees either way
 * @param zoom largest zoom, as a fraction either way
 * @param shift largest shift, as a fraction of the crop either way
 * @param flip probability of a horizontal flip
 * @param warpSigma standard deviation of the warp grid's jitter, pixels
 * @param coverage side of the crop's central square the model sees, pixels
 */
public record Augmentation(double rotation, double zoom, double shift, double flip, double warpSigma, double coverage) {

    /** Side of the crop the pixel settings are given for (convert cuts the model's face with the same geometry). */
    public static final int REFERENCE_CROP = FaceWindow.REFERENCE_CROP;

    public Augmentation {
        if (coverage <= 0 || coverage > REFERENCE_CROP) {
            throw new FaceswapException("faceswap4j.train.augmentation.coverage must be in (0, 256], got " + coverage);
        }
        if (flip < 0 || flip > 1) {
            throw new FaceswapException("faceswap4j.train.augmentation.flip is a probability in [0, 1], got " + flip);
        }
        if (rotation < 0 || zoom < 0 || shift < 0 || warpSigma < 0) {
            throw new FaceswapException("faceswap4j.train.augmentation ranges must not be negative");
        }
    }

    /** No randomness at all: the central square, resized. */
    public static Augmentation none(double coverage) {
        return new Augmentation(0, 0, 0, 0, 0, coverage);
    }

    public static Augmentation from(Config section) {
        return new Augmentation(section.getDouble("rotation"), section.getDouble("zoom"), section.getDouble("shift"),
                section.getDouble("flip"), section.getDouble("warp-sigma"), section.getDouble("coverage"));
    }
}
