package dev.faceswap4j.core.convert.stages;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceBlender;
import dev.faceswap4j.api.FaceBlenderProvider;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.StageContext;
import dev.faceswap4j.core.image.OpenCvImages;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_photo;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;

/** {@code convert.blend = poisson}: OpenCV's seamless cloning (Pérez et al.) inside the hard mask. */
public final class PoissonBlendProvider implements FaceBlenderProvider {

    @Override
    public String name() {
        return "poisson";
    }

    @Override
    public String description() {
        return "Poisson blending (OpenCV seamlessClone) inside the unfeathered mask";
    }

    @Override
    public FaceBlender create(StageContext context) {
        return new FaceBlender() {
            @Override
            public Image blend(Image face, Image frame, Image mask) {
                try (Mat faceMat = OpenCvImages.toMat(face);
                        Mat frameMat = OpenCvImages.toMat(frame);
                        Mat inside = OpenCvImages.toMat(mask);
                        Rect box = opencv_imgproc.boundingRect(inside);
                        Point center = new Point(box.x() + box.width() / 2, box.y() + box.height() / 2);
                        Mat cloned = new Mat()) {
                    opencv_photo.seamlessClone(faceMat, frameMat, inside, center, cloned, opencv_photo.NORMAL_CLONE);
                    // seamlessClone also shifts the frame around the mask by a level, and its input Mats are not left as
                    // they were (copying into frameMat under inside kept those shifts): keep only the clone's inside, on fresh copies.
                    try (Mat result = OpenCvImages.toMat(frame); Mat hard = OpenCvImages.toMat(mask)) {
                        cloned.copyTo(result, hard);
                        return OpenCvImages.toImage(result, ChannelOrder.BGR);
                    }
                }
            }

            @Override
            public boolean wantsFeatheredMask() {
                return false;
            }
        };
    }
}
