package dev.faceswap4j.core.convert.stages;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceMasker;
import dev.faceswap4j.api.FaceMaskerProvider;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.StageContext;
import dev.faceswap4j.core.image.LandmarkHull;
import dev.faceswap4j.core.image.LandmarkRegions;
import dev.faceswap4j.core.image.OpenCvImages;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code convert.mask = hull}: the convex hull of the 68 landmarks, less the regions its {@code keep} setting names —
 * the open inner mouth (teeth and tongue the model cannot draw), the eyes — where the source stays as it is. Convert
 * erodes and feathers the mask afterwards, so a kept region's edge is feathered like the face's.
 */
public final class HullMaskProvider implements FaceMaskerProvider {

    @Override
    public String name() {
        return "hull";
    }

    @Override
    public String description() {
        return "convex hull of the 68 landmarks, less the regions of keep (the open mouth, the eyes)";
    }

    @Override
    public FaceMasker create(StageContext context) {
        Set<LandmarkRegions> keep = EnumSet.noneOf(LandmarkRegions.class);
        for (String name : context.settings().getStringList("keep")) {
            LandmarkRegions region = LandmarkRegions.byName(name);
            if (region == null) {
                throw new FaceswapException(context.settingsPath() + ".keep lists mouth or eyes, got '" + name + "'");
            }
            keep.add(region);
        }
        double mouthOpen = context.settings().getDouble("mouth-open");
        if (mouthOpen < 0) {
            throw new FaceswapException(context.settingsPath() + ".mouth-open must not be negative, got " + mouthOpen);
        }
        return face -> {
            try (Scalar black = new Scalar(0); Mat hull = new Mat(face.height(), face.width(), opencv_core.CV_8UC1, black)) {
                LandmarkHull.fill(hull, face.landmarks(), 0, 0);
                for (LandmarkRegions region : keep) {
                    // A closed mouth shows lips, which the swap should draw; only parted lips show what it cannot.
                    if (region != LandmarkRegions.MOUTH || LandmarkRegions.mouthOpening(face.landmarks()) > mouthOpen) {
                        region.fill(hull, face.landmarks(), 0, 0, 0);
                    }
                }
                return OpenCvImages.toImage(hull, ChannelOrder.GRAY);
            }
        };
    }
}
