package dev.faceswap4j.core.convert.stages;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceMasker;
import dev.faceswap4j.api.FaceMaskerProvider;
import dev.faceswap4j.api.StageContext;
import dev.faceswap4j.core.image.LandmarkHull;
import dev.faceswap4j.core.image.OpenCvImages;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** {@code convert.mask = hull}: the convex hull of the 68 landmarks. */
public final class HullMaskProvider implements FaceMaskerProvider {

    @Override
    public String name() {
        return "hull";
    }

    @Override
    public String description() {
        return "convex hull of the 68 landmarks";
    }

    @Override
    public FaceMasker create(StageContext context) {
        return face -> {
            try (Scalar black = new Scalar(0); Mat hull = new Mat(face.height(), face.width(), opencv_core.CV_8UC1, black)) {
                LandmarkHull.fill(hull, face.landmarks(), 0, 0);
                return OpenCvImages.toImage(hull, ChannelOrder.GRAY);
            }
        };
    }
}
