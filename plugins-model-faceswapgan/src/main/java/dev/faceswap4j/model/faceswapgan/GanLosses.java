package dev.faceswap4j.model.faceswapgan;

import ai.djl.ndarray.NDArray;
import dev.faceswap4j.djl.recognition.FaceRecognitionNet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * faceswap-GAN's losses on NCHW arrays, split as faceswap-GAN splits them: the reconstruction, eye
 * and edge terms judge the decoder's raw RGB (so it must draw the whole face), the adversarial and
 * perceptual terms judge its RGB blended over the warped input by its alpha (what convert shows),
 * and a mask term keeps alpha from covering what the input already gets right.
 */
final class GanLosses {

    /**
     * The generator's loss, its plain L1 reconstruction, and the weighted part each other term adds to the total
     * (by the names of {@link #TERMS}; a term absent this step, as perceptual in the mask warm-up, is missing).
     */
    record GeneratorTerms(NDArray total, NDArray reconstruction, Map<String, NDArray> weighted) {}

    /** The weighted terms besides reconstruction, in the order losses.csv lists them. */
    static final List<String> TERMS = List.of("adversarial", "mask", "eyes", "edge", "perceptual");

    /** faceswap-GAN's weight of the mask hinge: 0.1 · mean(max(0, floor − alpha)). */
    private static final float MASK_HINGE_WEIGHT = 0.1f;

    private final GanSettings.LossWeights weights;
    private final FaceRecognitionNet recognition;

    /** {@code recognition} may be null when every perceptual weight is 0. */
    GanLosses(GanSettings.LossWeights weights, FaceRecognitionNet recognition) {
        this.weights = weights;
        this.recognition = recognition;
    }

    /** The face a decoder's output stands for: {@code alpha·rgb + (1 − alpha)·input}. */
    static NDArray blend(NDArray output, NDArray input) {
        NDArray rgb = output.get(":, 0:3");
        NDArray alpha = output.get(":, 3:4");
        return rgb.mul(alpha).add(input.mul(alpha.neg().add(1)));
    }

    /**
     * Least-squares discriminator loss on the generator's two faces (blended and raw RGB): with
     * {@code mixup < 0} plain LSGAN (real → 1, generated → 0); else faceswap-GAN's default mixup LSGAN,
     * the discriminator scoring {@code mixup·real + (1 − mixup)·generated} towards {@code mixup}
     * (a smoother target that keeps it from winning outright on a small face set).
     *
     * @param scores scores a (face, warped input) pair: the identity's discriminator
     */
    static NDArray discriminator(UnaryOperator<NDArray> scores, NDArray target, NDArray blended, NDArray raw, float mixup) {
        if (mixup < 0) {
            return scores.apply(target).sub(1).square().mean()
                    .add(scores.apply(blended).square().mean())
                    .add(scores.apply(raw).square().mean());
        }
        NDArray realPart = target.mul(mixup);
        return scores.apply(realPart.add(blended.mul(1 - mixup))).sub(mixup).square().mean()
                .add(scores.apply(realPart.add(raw.mul(1 - mixup))).sub(mixup).square().mean());
    }

    /** A mixup weight: Beta(alpha, alpha) by Jöhnk's method (fine for alpha < 1, faceswap-GAN's 0.2). */
    static float mixupWeight(Random random, double alpha) {
        while (true) {
            double x = Math.pow(random.nextDouble(), 1 / alpha);
            double y = Math.pow(random.nextDouble(), 1 / alpha);
            if (x + y <= 1 && x + y > 0) {
                return (float) (x / (x + y));
            }
        }
    }

    /**
     * @param output the decoder's RGB + alpha for the warped faces
     * @param scores scores a (face, warped input) pair: the identity's discriminator
     * @param eyes eye-region weights (N, 1, H, W) or null when the landmarks are unknown
     * @param face the face hull (N, 1, H, W) or null when the landmarks are unknown: with a {@code mask-face-floor},
     *     inside it the mask is held open for the whole run and the mask terms of the schedule apply outside it
     * @param warmup the first phase of faceswap-GAN's schedule: the mask held open (hinge on
     *     {@code mask-floor}) and no perceptual loss, so the decoders learn to draw before the mask
     *     regularisation can shut them out
     */
    GeneratorTerms generator(NDArray output, NDArray warped, NDArray target, NDArray eyes, NDArray face, UnaryOperator<NDArray> scores,
            boolean warmup) {
        NDArray rgb = output.get(":, 0:3");
        NDArray blended = blend(output, warped);
        NDArray difference = rgb.sub(target);
        NDArray reconstruction = difference.abs().mean();
        // Both faces should pass for real: the blend convert shows, and the raw RGB (as faceswap-GAN).
        NDArray adversarial = scores.apply(blended).sub(1).square().mean().add(scores.apply(rgb).sub(1).square().mean());
        NDArray alpha = output.get(":, 3:4");
        NDArray mask;
        if (face == null || weights.maskFaceFloor() == 0 || weights.maskFaceWeight() == 0) {
            mask = warmup ? below(alpha, weights.maskFloor()).mean().mul(MASK_HINGE_WEIGHT) : alpha.mean().mul((float) weights.mask());
        } else {
            // In training the warped input already looks like the target, so the losses on the blend would close the mask and
            // a swap would show A: inside the face the mask is held at mask-face-floor; the schedule's term rules outside.
            NDArray outside = warmup ? below(alpha, weights.maskFloor()).mul(MASK_HINGE_WEIGHT) : alpha.mul((float) weights.mask());
            NDArray inside = below(alpha, weights.maskFaceFloor()).mul((float) weights.maskFaceWeight());
            mask = outside.mul(face.neg().add(1)).add(inside.mul(face)).mean();
        }
        Map<String, NDArray> weighted = new LinkedHashMap<>();
        weighted.put("adversarial", adversarial.mul((float) weights.adversarial()));
        weighted.put("mask", mask);
        // The same sums in the same order as ever: the losses, and so resumed runs, stay bit for bit.
        NDArray total = weighted.get("adversarial").add(reconstruction.mul((float) weights.reconstruction())).add(mask);
        if (eyes != null) {
            weighted.put("eyes", difference.abs().mul(eyes).mean().mul((float) weights.eyes()));
            weighted.put("edge", edge(rgb, target, eyes).mul((float) weights.edge()));
            total = total.add(weighted.get("eyes")).add(weighted.get("edge"));
        }
        if (recognition != null && !warmup) {
            NDArray perceptual = perceptual(blended, target);
            if (perceptual != null) { // null when every stage's weight is 0
                weighted.put("perceptual", perceptual);
                total = total.add(perceptual);
            }
        }
        return new GeneratorTerms(total, reconstruction, weighted);
    }

    /** max(0, floor − alpha), per pixel: the hinge that holds a mask open. */
    private static NDArray below(NDArray alpha, double floor) {
        return alpha.neg().add((float) floor).maximum(0f);
    }

    /** L2 of the difference of horizontal and vertical pixel gradients, weighted by the eye regions. */
    private static NDArray edge(NDArray fake, NDArray target, NDArray eyes) {
        NDArray dx = fake.get(":, :, :, 1:").sub(fake.get(":, :, :, :-1")).sub(target.get(":, :, :, 1:").sub(target.get(":, :, :, :-1")));
        NDArray dy = fake.get(":, :, 1:, :").sub(fake.get(":, :, :-1, :")).sub(target.get(":, :, 1:, :").sub(target.get(":, :, :-1, :")));
        return dx.square().mul(eyes.get(":, :, :, 1:")).mean().add(dy.square().mul(eyes.get(":, :, 1:, :")).mean());
    }

    /** L1 between the recognition network's stage activations of the output and of the target. */
    private NDArray perceptual(NDArray fake, NDArray target) {
        List<NDArray> fakeStages = recognition.features(fake).stages();
        List<NDArray> targetStages = recognition.features(target).stages();
        NDArray sum = null;
        for (int i = 0; i < fakeStages.size(); i++) {
            double weight = weights.perceptual().get(i);
            if (weight == 0) {
                continue;
            }
            NDArray term = fakeStages.get(i).sub(targetStages.get(i).stopGradient()).abs().mean().mul((float) weight);
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }
}
