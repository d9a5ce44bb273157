package dev.faceswap4j.core.convert.stages;

import dev.faceswap4j.api.FaceMasker;
import dev.faceswap4j.api.FaceMaskerProvider;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.RegionFace;
import dev.faceswap4j.api.StageContext;
import dev.faceswap4j.core.image.OpenCvImages;

/**
 * {@code convert.mask = predicted}: the mask the model predicts with its face (faceswap's "learned mask"; an
 * autoencoder trained with {@code learn-mask = true}), warped into the frame like the face.
 */
public final class PredictedMaskProvider implements FaceMaskerProvider {

    @Override
    public String name() {
        return "predicted";
    }

    @Override
    public String description() {
        return "the mask the model predicts (models.autoencoder.learn-mask = true)";
    }

    @Override
    public FaceMasker create(StageContext context) {
        return new FaceMasker() {
            @Override
            public Image mask(RegionFace face) {
                if (face.modelMask() == null) {
                    throw new FaceswapException("convert.mask = predicted, but the model predicts no mask");
                }
                return OpenCvImages.warpAffine(face.modelMask(), face.faceToRegion(), face.width(), face.height());
            }

            @Override
            public boolean needsModelMask() {
                return true;
            }
        };
    }
}
