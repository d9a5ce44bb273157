package dev.faceswap4j.core.convert;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.core.align.FaceAligner;
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

    /** Frame pixels → model-face pixels for a face with these landmarks. */
    public Affine frameToFace(Landmarks landmarks) {
        Affine cropToFace = new FaceAugmenter(Augmentation.none(coverage), faceSize).cropToFace(cropSize);
        return FaceAligner.cropTransform(landmarks, cropSize, padding).then(cropToFace);
    }
}
