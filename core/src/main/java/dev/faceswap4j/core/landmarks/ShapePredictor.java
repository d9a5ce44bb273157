package dev.faceswap4j.core.landmarks;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.align.Similarity;
import dev.faceswap4j.toolkit.DlibInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * dlib's ensemble of regression trees shape predictor (Kazemi and Sullivan, CVPR 2014), reading
 * {@code shape_predictor} files such as {@code shape_predictor_68_face_landmarks.dat} and predicting
 * as {@code dlib::shape_predictor::operator()} does: a cascade of levels, each sampling pixel
 * intensities at points placed relative to the current shape, then adding the leaf vectors of its
 * trees. Shapes live in the unit square of the face box; the arithmetic is float like dlib's, so
 * the same tree branches are taken.
 *
 * <p>Immutable and thread-safe; {@link #predict} allocates only its small working arrays.
 */
public final class ShapePredictor {

    /** One cascade level: trees stored flat, pixels as (anchor landmark, offset) pairs. */
    private record Level(int trees, int splitsPerTree, int[] idx1, int[] idx2, float[] thresh, float[] leaves,
            int[] anchors, float[] deltas) {}

    private final float[] initialShape;
    private final Level[] levels;
    private final int maxPixels;

    private ShapePredictor(float[] initialShape, Level[] levels) {
        this.initialShape = initialShape;
        this.levels = levels;
        int max = 0;
        for (Level level : levels) {
            max = Math.max(max, level.anchors.length);
        }
        this.maxPixels = max;
    }

    public int landmarkCount() {
        return initialShape.length / 2;
    }

    public int cascadeDepth() {
        return levels.length;
    }

    /** Loads a dlib {@code shape_predictor} file; fails with one line naming the file when it is not one. */
    public static ShapePredictor load(Path file) {
        DlibInput in = DlibInput.open(file);
        int version = in.readInt();
        if (version != 1) {
            throw in.error("not a dlib shape_predictor (version " + version + ", expected 1)");
        }
        float[] initial = in.readFloatMatrix(1, 100_000);
        if (initial.length == 0 || initial.length % 2 != 0) {
            throw in.error("initial shape of " + initial.length + " values");
        }
        int shapeLength = initial.length;
        int depth = in.readCount(1000, "cascade depth");
        List<int[]> idx1 = new ArrayList<>();
        List<int[]> idx2 = new ArrayList<>();
        List<float[]> thresholds = new ArrayList<>();
        List<float[]> leaves = new ArrayList<>();
        int[] treeCounts = new int[depth];
        int[] splitCounts = new int[depth];
        for (int level = 0; level < depth; level++) {
            int trees = in.readCount(100_000, "tree count");
            treeCounts[level] = trees;
            int[] a = null;
            int[] b = null;
            float[] t = null;
            float[] leafValues = null;
            for (int tree = 0; tree < trees; tree++) {
                int splits = in.readCount(1 << 16, "split count");
                if (tree == 0) {
                    splitCounts[level] = splits;
                    a = new int[trees * splits];
                    b = new int[trees * splits];
                    t = new float[trees * splits];
                    leafValues = new float[trees * (splits + 1) * shapeLength];
                } else if (splits != splitCounts[level]) {
                    throw in.error("trees of one cascade level differ in size (" + splits + " vs " + splitCounts[level] + " splits)");
                }
                for (int s = 0; s < splits; s++) {
                    a[tree * splits + s] = in.readCount(Integer.MAX_VALUE, "feature index");
                    b[tree * splits + s] = in.readCount(Integer.MAX_VALUE, "feature index");
                    t[tree * splits + s] = in.readFloat();
                }
                int leafCount = in.readCount(1 << 17, "leaf count");
                if (leafCount != splits + 1) {
                    throw in.error("tree with " + splits + " splits and " + leafCount + " leaves");
                }
                for (int leaf = 0; leaf < leafCount; leaf++) {
                    float[] value = in.readFloatMatrix(1, shapeLength);
                    if (value.length != shapeLength) {
                        throw in.error("leaf of " + value.length + " values, expected " + shapeLength);
                    }
                    System.arraycopy(value, 0, leafValues, (tree * leafCount + leaf) * shapeLength, shapeLength);
                }
            }
            idx1.add(a == null ? new int[0] : a);
            idx2.add(b == null ? new int[0] : b);
            thresholds.add(t == null ? new float[0] : t);
            leaves.add(leafValues == null ? new float[0] : leafValues);
        }
        if (in.readCount(1000, "anchor level count") != depth) {
            throw in.error("anchor levels do not match the cascade depth " + depth);
        }
        List<int[]> anchors = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            int pixels = in.readCount(1 << 20, "pixel count");
            int[] anchor = new int[pixels];
            for (int i = 0; i < pixels; i++) {
                anchor[i] = in.readCount(shapeLength / 2 - 1, "anchor landmark");
            }
            anchors.add(anchor);
        }
        if (in.readCount(1000, "delta level count") != depth) {
            throw in.error("delta levels do not match the cascade depth " + depth);
        }
        Level[] levels = new Level[depth];
        for (int level = 0; level < depth; level++) {
            int pixels = in.readCount(1 << 20, "pixel count");
            if (pixels != anchors.get(level).length) {
                throw in.error("level " + level + " has " + pixels + " deltas and " + anchors.get(level).length + " anchors");
            }
            float[] deltas = new float[2 * pixels];
            for (int i = 0; i < 2 * pixels; i++) {
                deltas[i] = in.readFloat();
            }
            int[] a = idx1.get(level);
            int[] b = idx2.get(level);
            for (int i = 0; i < a.length; i++) {
                if (a[i] >= pixels || b[i] >= pixels) {
                    throw in.error("split reads pixel " + Math.max(a[i], b[i]) + " of " + pixels);
                }
            }
            levels[level] = new Level(treeCounts[level], splitCounts[level], a, b, thresholds.get(level), leaves.get(level),
                    anchors.get(level), deltas);
        }
        if (!in.atEnd()) {
            throw in.error("trailing data after the shape predictor");
        }
        return new ShapePredictor(initial, levels);
    }

    /**
     * Predicts the landmarks of the face in {@code box}. The box is read as dlib's rectangle: its
     * corners are (x, y) and (x + width - 1, y + height - 1), so a dlib detection maps over exactly.
     * Points are sub-pixel; dlib rounds them to integers when it returns them.
     */
    public Landmarks predict(Image image, Rect box) {
        double left = box.x();
        double top = box.y();
        double scaleX = box.width() - 1;
        double scaleY = box.height() - 1;
        float[] shape = initialShape.clone();
        float[] features = new float[maxPixels];
        double[] from = toDouble(initialShape);
        double[] to = new double[shape.length];
        int channels = image.channels();
        byte[] pixels = image.pixels();
        int width = image.width();
        int height = image.height();
        int shapeLength = shape.length;
        for (Level level : levels) {
            for (int i = 0; i < shapeLength; i++) {
                to[i] = shape[i];
            }
            // Only the linear part: offsets are rotated and scaled with the shape, not translated.
            Affine tform = Similarity.estimate(from, to);
            float m00 = (float) tform.a();
            float m01 = (float) tform.b();
            float m10 = (float) tform.c();
            float m11 = (float) tform.d();
            int[] anchors = level.anchors;
            float[] deltas = level.deltas;
            for (int i = 0; i < anchors.length; i++) {
                float dx = deltas[2 * i];
                float dy = deltas[2 * i + 1];
                float px = m00 * dx + m01 * dy + shape[2 * anchors[i]];
                float py = m10 * dx + m11 * dy + shape[2 * anchors[i] + 1];
                long x = (long) Math.floor(scaleX * px + left + 0.5);
                long y = (long) Math.floor(scaleY * py + top + 0.5);
                features[i] = x >= 0 && y >= 0 && x < width && y < height ? intensity(pixels, (int) (y * width + x) * channels, channels) : 0;
            }
            int splits = level.splitsPerTree;
            int leafStride = (splits + 1) * shapeLength;
            for (int tree = 0; tree < level.trees; tree++) {
                int base = tree * splits;
                int node = 0;
                while (node < splits) {
                    int s = base + node;
                    node = features[level.idx1[s]] - features[level.idx2[s]] > level.thresh[s] ? 2 * node + 1 : 2 * node + 2;
                }
                int offset = tree * leafStride + (node - splits) * shapeLength;
                float[] leaves = level.leaves;
                for (int i = 0; i < shapeLength; i++) {
                    shape[i] += leaves[offset + i];
                }
            }
        }
        List<Point2> points = new ArrayList<>(shapeLength / 2);
        for (int i = 0; i < shapeLength; i += 2) {
            points.add(new Point2(scaleX * shape[i] + left, scaleY * shape[i + 1] + top));
        }
        return new Landmarks(points);
    }

    /** dlib's get_pixel_intensity: gray as is, colour as the integer mean of the three colour channels. */
    private static float intensity(byte[] pixels, int offset, int channels) {
        if (channels == 1) {
            return pixels[offset] & 0xFF;
        }
        return ((pixels[offset] & 0xFF) + (pixels[offset + 1] & 0xFF) + (pixels[offset + 2] & 0xFF)) / 3;
    }

    private static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
