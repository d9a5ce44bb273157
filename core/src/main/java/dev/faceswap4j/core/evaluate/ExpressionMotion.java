package dev.faceswap4j.core.evaluate;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.core.align.MeanFace;
import dev.faceswap4j.core.align.Similarity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Whether a swap keeps the source's expression, apart from whose face it is. Each face's landmarks are aligned to the
 * mean face by the points an expression hardly moves (nose, eye corners), so that an opening mouth does not shift the
 * fit; what a frame's aligned shape differs from its video's mean aligned shape is that frame's expression (and the
 * part of the pose a similarity leaves). A person's own face shape is in every frame alike,
 * so it cancels: the target's brows, eyes and jaw, which the landmark error counts against a swap that succeeds in
 * showing the target, do not count here. A swap keeps the expression when its offsets follow the source's.
 */
final class ExpressionMotion {

    /** The nose (27..35) and the eye corners (36, 39, 42, 45): the face's rigid frame. */
    private static final int[] RIGID = {27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 39, 42, 45};
    private static final double[] MEAN_FACE = MeanFace.unitPoints();

    /**
     * @param errors per frame pair, the mean distance of the swapped offsets from the source's (in eye distances of the
     *     source's mean aligned shape)
     * @param parts the same, part by part
     * @param frozen per frame pair, the distance of the source's offsets from none: what a face that never moves scores
     */
    record Result(List<Double> errors, List<LandmarkParts> parts, List<Double> frozen) {}

    private ExpressionMotion() {}

    /** {@code source} and {@code swapped} hold the landmarks of the same frames, in order. */
    static Result of(List<Landmarks> source, List<Landmarks> swapped) {
        if (source.size() != swapped.size()) {
            throw new IllegalArgumentException(source.size() + " source faces, " + swapped.size() + " swapped");
        }
        List<Double> errors = new ArrayList<>();
        List<LandmarkParts> parts = new ArrayList<>();
        List<Double> frozen = new ArrayList<>();
        if (source.isEmpty()) {
            return new Result(errors, parts, frozen);
        }
        List<Landmarks> sourceAligned = aligned(source);
        Landmarks sourceMean = mean(sourceAligned);
        List<Landmarks> sourceOffsets = offsets(sourceAligned, sourceMean);
        List<Landmarks> swappedAligned = aligned(swapped);
        List<Landmarks> swappedOffsets = offsets(swappedAligned, mean(swappedAligned));
        double eyes = LandmarkParts.eyeDistance(sourceMean);
        Landmarks still = new Landmarks(Collections.nCopies(Landmarks.DLIB_68, new Point2(0, 0)));
        for (int i = 0; i < source.size(); i++) {
            errors.add(LandmarkParts.meanDistance(swappedOffsets.get(i), sourceOffsets.get(i), 0, Landmarks.DLIB_68) / eyes);
            parts.add(LandmarkParts.between(swappedOffsets.get(i), sourceOffsets.get(i), eyes));
            frozen.add(LandmarkParts.meanDistance(still, sourceOffsets.get(i), 0, Landmarks.DLIB_68) / eyes);
        }
        return new Result(errors, parts, frozen);
    }

    /** Each aligned shape minus {@code mean}, the mean aligned shape of all of them. */
    private static List<Landmarks> offsets(List<Landmarks> aligned, Landmarks mean) {
        List<Landmarks> offsets = new ArrayList<>();
        for (Landmarks face : aligned) {
            List<Point2> points = new ArrayList<>();
            for (int p = 0; p < Landmarks.DLIB_68; p++) {
                points.add(new Point2(face.get(p).x() - mean.get(p).x(), face.get(p).y() - mean.get(p).y()));
            }
            offsets.add(new Landmarks(points));
        }
        return offsets;
    }

    private static List<Landmarks> aligned(List<Landmarks> faces) {
        List<Landmarks> aligned = new ArrayList<>();
        double[] to = new double[2 * RIGID.length];
        for (int i = 0; i < RIGID.length; i++) {
            to[2 * i] = MEAN_FACE[2 * (RIGID[i] - MeanFace.FIRST_LANDMARK)];
            to[2 * i + 1] = MEAN_FACE[2 * (RIGID[i] - MeanFace.FIRST_LANDMARK) + 1];
        }
        for (Landmarks face : faces) {
            double[] from = new double[2 * RIGID.length];
            for (int i = 0; i < RIGID.length; i++) {
                from[2 * i] = face.get(RIGID[i]).x();
                from[2 * i + 1] = face.get(RIGID[i]).y();
            }
            Affine toMean = Similarity.estimate(from, to);
            aligned.add(new Landmarks(face.points().stream().map(toMean::apply).toList()));
        }
        return aligned;
    }

    private static Landmarks mean(List<Landmarks> faces) {
        List<Point2> points = new ArrayList<>();
        for (int p = 0; p < Landmarks.DLIB_68; p++) {
            double x = 0;
            double y = 0;
            for (Landmarks face : faces) {
                x += face.get(p).x();
                y += face.get(p).y();
            }
            points.add(new Point2(x / faces.size(), y / faces.size()));
        }
        return new Landmarks(points);
    }
}
