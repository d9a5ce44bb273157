package dev.faceswap4j.core.convert.stages;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceBlender;
import dev.faceswap4j.api.FaceBlenderProvider;
import dev.faceswap4j.api.StageContext;
import dev.faceswap4j.core.image.OpenCvImages;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** {@code convert.blend = feather}: face · α + frame · (1 − α), α the feathered mask. */
public final class FeatherBlendProvider implements FaceBlenderProvider {

    @Override
    public String name() {
        return "feather";
    }

    @Override
    public String description() {
        return "alpha blend under the feathered mask";
    }

    @Override
    public FaceBlender create(StageContext context) {
        return (face, frame, mask) -> {
            try (Mat faceMat = OpenCvImages.toMat(face);
                    Mat frameMat = OpenCvImages.toMat(frame);
                    Mat maskMat = OpenCvImages.toMat(mask);
                    Mat alpha = new Mat();
                    Mat rest = new Mat();
                    Scalar one = new Scalar(1.0);
                    Mat ones = new Mat(mask.height(), mask.width(), opencv_core.CV_32FC1, one);
                    Mat blended = new Mat()) {
                maskMat.convertTo(alpha, opencv_core.CV_32F, 1 / 255.0, 0);
                opencv_core.subtract(ones, alpha, rest);
                opencv_imgproc.blendLinear(faceMat, frameMat, alpha, rest, blended);
                return OpenCvImages.toImage(blended, ChannelOrder.BGR);
            }
        };
    }
}
