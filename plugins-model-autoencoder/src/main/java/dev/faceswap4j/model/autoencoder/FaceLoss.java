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
 * multipliers (those pixels weigh more, so the expression survives the blur of a small model) and an
 * optional structural term, DSSIM = (1 − SSIM) / 2 over 7×7 windows, which rewards edges where L1 alone
 * settles for the mean. The original deepfakes model is multipliers 1 and no SSIM: plain MAE.
 *
 * @param eyeMultiplier weight of the eye-region pixels (1 = like any other)
 * @param mouthMultiplier weight of the mouth-region pixels
 * @param ssimWeight weight of the DSSIM term added to the L1 term (0 = none)
 */
public record FaceLoss(double eyeMultiplier, double mouthMultiplier, double ssimWeight) {

    /** The original's plain mean absolute error. */
    public static final FaceLoss MAE = new FaceLoss(1, 1, 0);

    private static final int SSIM_WINDOW = 7;
    private static final float C1 = 0.01f * 0.01f;
    private static final float C2 = 0.03f * 0.03f;

    public FaceLoss {
        if (eyeMultiplier < 1 || mouthMultiplier < 1 || ssimWeight < 0) {
            throw new FaceswapException("faceswap4j.models.autoencoder.loss: multipliers must be at least 1 and ssim-weight not negative, got "
                    + eyeMultiplier + ", " + mouthMultiplier + ", " + ssimWeight);
        }
    }

    static FaceLoss from(Config loss) {
        return new FaceLoss(loss.getDouble("eye-multiplier"), loss.getDouble("mouth-multiplier"), loss.getDouble("ssim-weight"));
    }

    /** The loss to minimise and the plain mean absolute error (what losses.csv shows, comparable across settings). */
    record Terms(NDArray total, NDArray meanAbsoluteError) {}

    /** {@code output} and {@code target} are (N, 3, H, W) in [0, 1]; the region weights come from {@code batch} when it has them. */
    Terms of(NDArray output, NDArray target, FaceBatch batch, NDManager scope) {
        NDArray difference = output.sub(target).abs();
        NDArray meanAbsoluteError = difference.mean();
        NDArray total = meanAbsoluteError;
        NDArray weights = regionWeights(batch, scope);
        if (weights != null) {
            total = difference.mul(weights).mean();
        }
        if (ssimWeight > 0) {
            total = total.add(dssim(output, target).mul((float) ssimWeight));
        }
        return new Terms(total, meanAbsoluteError);
    }

    /** 1 + (eye − 1)·eyes + (mouth − 1)·mouth per pixel, (N, 1, H, W); null when every weight would be 1. */
    private NDArray regionWeights(FaceBatch batch, NDManager scope) {
        boolean eyes = eyeMultiplier != 1 && batch.hasEyes();
        boolean mouth = mouthMultiplier != 1 && batch.hasMouth();
        if (!eyes && !mouth) {
            return null;
        }
        Shape shape = new Shape(batch.size(), 1, batch.faceSize(), batch.faceSize());
        float[] weights = new float[batch.size() * batch.faceSize() * batch.faceSize()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 + (eyes ? (float) (eyeMultiplier - 1) * batch.eyes()[i] : 0) + (mouth ? (float) (mouthMultiplier - 1) * batch.mouth()[i] : 0);
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
