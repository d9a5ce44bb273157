package dev.faceswap4j.core.convert;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.core.align.FaceAligner;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.train.Augmentation;
import dev.faceswap4j.core.train.CheckpointInfo;
import dev.faceswap4j.core.train.FaceAugmenter;

/**
 * Where a model's face sits in a frame: the aligned crop training used (size, padding), then the
 * central coverage square of it at the model's face size — the same window training cut.
 */
public record FaceWindow(int cropSize, double padding, double coverage, int faceSize) {

    public static FaceWindow of(CheckpointInfo checkpoint) {
        return new FaceWindow(checkpoint.cropSize(), checkpoint.padding(), checkpoint.coverage(), checkpoint.faceSize());
    }

    /** The model's view of an aligned crop of this window's crop geometry. */
    public Image faceOf(Image crop) {
        return new FaceAugmenter(Augmentation.none(coverage), faceSize).face(crop);
    }

    /**
     * A model face as a dlib-style face chip for a recognition network: the mean-face square scaled to
     * two thirds of the chip (dlib's padding of a quarter each side), black where the face has no pixels.
     */
    public Image chipOf(Image face, int chipSize) {
        double meanFaceSide = faceSize * (cropSize - 2 * padding) / (coverage * cropSize / Augmentation.REFERENCE_CROP);
        double scale = chipSize / (1.5 * meanFaceSide);
        double offset = (chipSize - faceSize * scale) / 2;
        return OpenCvImages.warpAffine(face, new Affine(scale, 0, offset, 0, scale, offset), chipSize, chipSize);
    }

    /** Frame pixels → model-face pixels for a face with these landmarks. */
    public Affine frameToFace(Landmarks landmarks) {
        Affine cropToFace = new FaceAugmenter(Augmentation.none(coverage), faceSize).cropToFace(cropSize);
        return FaceAligner.cropTransform(landmarks, cropSize, padding).then(cropToFace);
    }
}
