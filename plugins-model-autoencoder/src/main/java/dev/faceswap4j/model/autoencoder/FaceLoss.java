package dev.faceswap4j.model.autoencoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.FaceswapException;

/**
 * The reconstruction loss of one autoencoder side: mean absolute error, with faceswap's eye and mouth
 * multipliers (those pixels weigh more, so the expression survives the blur of a small model), a weight for
 * the pixels outside the face (convert pastes only the face hull: at 0 the model spends nothing on the
 * background, as faceswap's penalized mask loss), an optional structural term, DSSIM = (1 − SSIM) / 2 over 7×7
 * windows, which rewards edges where L1 alone settles for the mean, and, for a network that predicts a mask
 * channel, the mean squared error of that mask against the face hull. The original deepfakes model is
 * multipliers 1, background 1, no SSIM and no mask: plain MAE.
 *
 * @param eyeMultiplier weight of the eye-region pixels (1 = like any other)
 * @param mouthMultiplier weight of the mouth-region pixels
 * @param ssimWeight weight of the DSSIM term added to the L1 term (0 = none)
 * @param backgroundWeight weight of the pixels outside the face hull, in [0, 1] (1 = like the face)
 * @param maskWeight weight of the learned mask's error, when the network has a mask channel
 */
public record FaceLoss(double eyeMultiplier, double mouthMultiplier, double ssimWeight, double backgroundWeight, double maskWeight) {

    /** The original's plain mean absolute error. */
    public static final FaceLoss MAE = new FaceLoss(1, 1, 0);

    private static final int SSIM_WINDOW = 7;
    private static final float C1 = 0.01f * 0.01f;
    private static final float C2 = 0.03f * 0.03f;

    public FaceLoss {
        if (eyeMultiplier < 1 || mouthMultiplier < 1 || ssimWeight < 0 || backgroundWeight < 0 || backgroundWeight > 1 || maskWeight < 0) {
            throw new FaceswapException("faceswap4j.models.autoencoder.loss: multipliers must be at least 1, ssim-weight and mask-weight"
                    + " not negative and background-weight in [0, 1], got eye-multiplier " + eyeMultiplier + ", mouth-multiplier "
                    + mouthMultiplier + ", ssim-weight " + ssimWeight + ", background-weight " + backgroundWeight + ", mask-weight " + maskWeight);
        }
    }

    /** Every pixel alike, no mask term. */
    public FaceLoss(double eyeMultiplier, double mouthMultiplier, double ssimWeight) {
        this(eyeMultiplier, mouthMultiplier, ssimWeight, 1, 0);
    }

    static FaceLoss from(Config loss) {
        return new FaceLoss(loss.getDouble("eye-multiplier"), loss.getDouble("mouth-multiplier"), loss.getDouble("ssim-weight"),
                loss.getDouble("background-weight"), loss.getDouble("mask-weight"));
    }

    /**
     * The loss to minimise, the plain mean absolute error of the face (what losses.csv shows, comparable across
     * settings) and the learned mask's mean squared error (null without a mask channel).
     */
    record Terms(NDArray total, NDArray meanAbsoluteError, NDArray maskError) {}

    /**
     * {@code output} is (N, 3, H, W) in [0, 1], or (N, 4, H, W) with the predicted mask last; {@code target} is
     * (N, 3, H, W); the region weights come from {@code batch}, which must carry face masks where the loss needs them.
     */
    Terms of(NDArray output, NDArray target, FaceBatch batch, NDManager scope) {
        boolean masked = output.getShape().get(1) == 4;
        NDArray face = masked ? output.get(":, :3") : output;
        if ((masked || backgroundWeight != 1) && !batch.hasFace()) {
            throw new FaceswapException("the autoencoder's " + (masked ? "learned mask" : "background-weight") + " needs the faces' landmarks:"
                    + " train on face folders written by faceswap4j extract (with their alignments.json)");
        }
        NDArray difference = face.sub(target).abs();
        NDArray meanAbsoluteError = difference.mean();
        NDArray total = meanAbsoluteError;
        NDArray weights = pixelWeights(batch, scope);
        if (weights != null) {
            total = difference.mul(weights).mean();
        }
        if (ssimWeight > 0) {
            total = total.add(dssim(face, target).mul((float) ssimWeight));
        }
        NDArray maskError = null;
        if (masked) {
            NDArray hull = scope.create(batch.face(), new Shape(batch.size(), 1, batch.faceSize(), batch.faceSize()));
            maskError = output.get(":, 3:").sub(hull).square().mean();
            total = total.add(maskError.mul((float) maskWeight));
        }
        return new Terms(total, meanAbsoluteError, maskError);
    }

    /**
     * Per pixel (N, 1, H, W): (1 + (eye − 1)·eyes + (mouth − 1)·mouth) · (background + (1 − background)·face);
     * null when every weight would be 1.
     */
    private NDArray pixelWeights(FaceBatch batch, NDManager scope) {
        boolean eyes = eyeMultiplier != 1 && batch.hasEyes();
        boolean mouth = mouthMultiplier != 1 && batch.hasMouth();
        boolean background = backgroundWeight != 1;
        if (!eyes && !mouth && !background) {
            return null;
        }
        Shape shape = new Shape(batch.size(), 1, batch.faceSize(), batch.faceSize());
        float[] weights = new float[batch.size() * batch.faceSize() * batch.faceSize()];
        float outside = (float) backgroundWeight;
        for (int i = 0; i < weights.length; i++) {
            float region = 1 + (eyes ? (float) (eyeMultiplier - 1) * batch.eyes()[i] : 0) + (mouth ? (float) (mouthMultiplier - 1) * batch.mouth()[i] : 0);
            weights[i] = background ? region * (outside + (1 - outside) * batch.face()[i]) : region;
        }
        return scope.create(weights, shape);
    }

    /** Mean (1 − SSIM) / 2 over 7×7 windows (uniform), per channel. */
    static NDArray dssim(NDArray x, NDArray y) {
        Shape window = new Shape(SSIM_WINDOW, SSIM_WINDOW);
        Shape stride = new Shape(1, 1);
        Shape padding = new Shape(0, 0);
        NDArray muX = Pool.avgPool2d(x, window, stride, padding, false, true);
        NDArray muY = Pool.avgPool2d(y, window, stride, padding, false, true);
        NDArray sigmaX = Pool.avgPool2d(x.mul(x), window, stride, padding, false, true).sub(muX.mul(muX));
        NDArray sigmaY = Pool.avgPool2d(y.mul(y), window, stride, padding, false, true).sub(muY.mul(muY));
        NDArray sigmaXY = Pool.avgPool2d(x.mul(y), window, stride, padding, false, true).sub(muX.mul(muY));
        NDArray numerator = muX.mul(muY).mul(2).add(C1).mul(sigmaXY.mul(2).add(C2));
        NDArray denominator = muX.mul(muX).add(muY.mul(muY)).add(C1).mul(sigmaX.add(sigmaY).add(C2));
        return numerator.div(denominator).neg().add(1).div(2).mean();
    }
}
