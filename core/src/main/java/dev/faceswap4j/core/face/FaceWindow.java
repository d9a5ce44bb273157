package dev.faceswap4j.core.face;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.core.align.FaceAligner;
import dev.faceswap4j.core.image.OpenCvImages;

/**
 * Where a model's face sits in a frame: the aligned crop training used (size, padding), then the
 * central coverage square of it at the model's face size — the same window training cut.
 *
 * @param coverage side of the crop's central square the model sees, in pixels of a {@value #REFERENCE_CROP} px crop
 */
public record FaceWindow(int cropSize, double padding, double coverage, int faceSize) {

    /** Side of the crop that {@code coverage} (and training's other pixel settings) are given for. */
    public static final int REFERENCE_CROP = 256;

    /** Maps the pixels of a {@code cropSize} crop to model-face pixels: its central {@code coverage} square onto the face square. */
    public static Affine cropToFace(double coverage, int cropSize, int faceSize) {
        double side = coverage * cropSize / REFERENCE_CROP;
        double scale = faceSize / side;
        double origin = (cropSize - side) / 2;
        return new Affine(scale, 0, -origin * scale, 0, scale, -origin * scale);
    }

    /** The model's view of an aligned crop of this window's crop geometry. */
    public Image faceOf(Image crop) {
        return OpenCvImages.warpAffine(crop, cropToFace(coverage, crop.width(), faceSize), faceSize, faceSize);
    }

    /**
     * A model face as a dlib-style face chip for a recognition network: the mean-face square scaled to
     * two thirds of the chip (dlib's padding of a quarter each side), black where the face has no pixels.
     */
    public Image chipOf(Image face, int chipSize) {
        double meanFaceSide = faceSize * (cropSize - 2 * padding) / (coverage * cropSize / REFERENCE_CROP);
        double scale = chipSize / (1.5 * meanFaceSide);
        double offset = (chipSize - faceSize * scale) / 2;
        return OpenCvImages.warpAffine(face, new Affine(scale, 0, offset, 0, scale, offset), chipSize, chipSize);
    }

    /** Frame pixels → model-face pixels for a face with these landmarks. */
    public Affine frameToFace(Landmarks landmarks) {
        return FaceAligner.cropTransform(landmarks, cropSize, padding).then(cropToFace(coverage, cropSize, faceSize));
    }
}
