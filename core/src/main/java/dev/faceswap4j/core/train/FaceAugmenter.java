package dev.faceswap4j.core.train;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.align.Similarity;
import dev.faceswap4j.core.face.FaceWindow;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.toolkit.RgbFloats;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns one aligned crop into a training pair the way the original deepfakes code does: a random
 * transform (rotation, zoom, shift, flip), then a random warp — a 5×5 grid over the central
 * {@code coverage} square, each point jittered by a Gaussian, interpolated to a dense map for
 * {@code remap} — giving the warped input; the target is the same square without the warp, by the
 * similarity that best maps the jittered grid onto the regular one.
 *
 * <p>The original interpolates the grid with {@code cv2.resize} to 80×80 and keeps the middle
 * 64×64, which shifts the map by half an output pixel against its own target. Here the grid is
 * interpolated at the output pixels themselves, so with no jitter the warped face equals the target.
 */
public final class FaceAugmenter {

    private static final int GRID = 5;

    private final Augmentation settings;
    private final int faceSize;

    public FaceAugmenter(Augmentation settings, int faceSize) {
        this.settings = settings;
        this.faceSize = faceSize;
    }

    public int faceSize() {
        return faceSize;
    }

    /**
     * Writes the warped input and the target of one augmented copy of {@code crop} (BGR, square) as
     * RGB floats at {@code offset} of {@code warped} and {@code target}.
     */
    public void augment(Image crop, Random random, float[] warped, float[] target, int offset) {
        augment(crop, List.of(), random, warped, target, List.of(), offset);
    }

    /**
     * As {@link #augment(Image, Random, float[], float[], int)}, and moves {@code eyeMask} (8-bit, crop
     * sized) exactly as the target, writing it as weights in [0, 1] at {@code offset / 3} of {@code eyes}.
     * The random draws are the same with or without a mask.
     */
    public void augment(Image crop, Image eyeMask, Random random, float[] warped, float[] target, float[] eyes, int offset) {
        augment(crop, List.of(eyeMask), random, warped, target, List.of(eyes), offset);
    }

    /**
     * As {@link #augment(Image, Random, float[], float[], int)}, and moves each of {@code masks} (8-bit, crop sized:
     * eyes, mouth, face...) exactly as the target, writing it as weights in [0, 1] at {@code offset / 3} of the
     * array at the same index of {@code weights}. The random draws are the same with or without masks.
     */
    public void augment(Image crop, List<Image> masks, Random random, float[] warped, float[] target, List<float[]> weights, int offset) {
        int size = crop.width();
        double unit = size / (double) Augmentation.REFERENCE_CROP;
        RandomTransform transform = randomTransform(size, random);
        try (Mat source = OpenCvImages.toMat(crop);
                Mat transformed = transform.apply(source, size);
                Mat mapX = new Mat(faceSize, faceSize, opencv_core.CV_32FC1);
                Mat mapY = new Mat(faceSize, faceSize, opencv_core.CV_32FC1);
                Mat warpedMat = new Mat();
                Scalar black = new Scalar(0, 0, 0, 0)) {
            double[] grid = jitteredGrid(size, unit, random);
            fillMaps(grid, mapX, mapY);
            opencv_imgproc.remap(transformed, warpedMat, mapX, mapY, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_REPLICATE, black);
            RgbFloats.write(OpenCvImages.toImage(warpedMat, ChannelOrder.BGR), warped, offset);
            try (Mat toTarget = OpenCvImages.toMat(Similarity.estimate(grid, regularGrid()));
                    Mat targetMat = toFace(transformed, toTarget)) {
                RgbFloats.write(OpenCvImages.toImage(targetMat, ChannelOrder.BGR), target, offset);
                for (int m = 0; m < masks.size(); m++) {
                    writeMask(masks.get(m), transform, toTarget, size, weights.get(m), offset / 3);
                }
            }
        }
    }

    private void writeMask(Image regionMask, RandomTransform transform, Mat toTarget, int size, float[] weights, int offset) {
        try (Mat mask = OpenCvImages.toMat(regionMask); Mat moved = transform.apply(mask, size); Mat face = toFace(moved, toTarget)) {
            byte[] pixels = OpenCvImages.toImage(face, ChannelOrder.GRAY).pixels();
            for (int i = 0; i < pixels.length; i++) {
                weights[offset + i] = (pixels[i] & 0xff) / 255f;
            }
        }
    }

    /** The un-warped face square: {@code source} by the similarity onto the regular grid. */
    private Mat toFace(Mat source, Mat similarity) {
        Mat face = new Mat();
        try (Size cvSize = new Size(faceSize, faceSize); Scalar black = new Scalar(0, 0, 0, 0)) {
            opencv_imgproc.warpAffine(source, face, similarity, cvSize, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_REPLICATE, black);
        }
        return face;
    }

    /** The model's view of an aligned crop: its central {@code coverage} square at face size, no augmentation. */
    public Image face(Image crop) {
        return OpenCvImages.warpAffine(crop, cropToFace(crop.width()), faceSize, faceSize);
    }

    /** Maps crop pixels to model-face pixels: the central coverage square onto the face square. */
    public Affine cropToFace(int cropSize) {
        return FaceWindow.cropToFace(settings.coverage(), cropSize, faceSize);
    }

    private RandomTransform randomTransform(int size, Random random) {
        double angle = uniform(random, settings.rotation());
        double scale = 1 + uniform(random, settings.zoom());
        double tx = uniform(random, settings.shift()) * size;
        double ty = uniform(random, settings.shift()) * size;
        boolean flip = random.nextDouble() < settings.flip();
        // Rotation and zoom about the crop's centre, then the shift (OpenCV's getRotationMatrix2D convention).
        double radians = Math.toRadians(angle);
        double alpha = scale * Math.cos(radians);
        double beta = scale * Math.sin(radians);
        double centre = size / 2.0;
        return new RandomTransform(new Affine(alpha, beta, (1 - alpha) * centre - beta * centre + tx,
                -beta, alpha, beta * centre + (1 - alpha) * centre + ty), flip);
    }

    /** One draw of the random transform, applied alike to a crop and its eye mask. */
    private record RandomTransform(Affine transform, boolean flip) {

        Mat apply(Mat source, int size) {
            Mat result = new Mat();
            try (Mat matrix = OpenCvImages.toMat(transform); Size cvSize = new Size(size, size); Scalar black = new Scalar(0, 0, 0, 0)) {
                opencv_imgproc.warpAffine(source, result, matrix, cvSize, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_REPLICATE, black);
            }
            if (flip) {
                opencv_core.flip(result, result, 1);
            }
            return result;
        }
    }

    /** Grid points over the central coverage square, jittered; interleaved x, y, row by row. */
    private double[] jitteredGrid(int size, double unit, Random random) {
        double side = settings.coverage() * unit;
        double start = (size - side) / 2;
        double step = side / (GRID - 1);
        double sigma = settings.warpSigma() * unit;
        double[] grid = new double[GRID * GRID * 2];
        for (int row = 0; row < GRID; row++) {
            for (int col = 0; col < GRID; col++) {
                int i = 2 * (row * GRID + col);
                grid[i] = start + col * step + random.nextGaussian() * sigma;
                grid[i + 1] = start + row * step + random.nextGaussian() * sigma;
            }
        }
        return grid;
    }

    /** Where the grid points belong in the face: a regular grid from 0 to faceSize. */
    private double[] regularGrid() {
        double[] grid = new double[GRID * GRID * 2];
        double step = faceSize / (double) (GRID - 1);
        for (int row = 0; row < GRID; row++) {
            for (int col = 0; col < GRID; col++) {
                grid[2 * (row * GRID + col)] = col * step;
                grid[2 * (row * GRID + col) + 1] = row * step;
            }
        }
        return grid;
    }

    /** Bilinear interpolation of the grid at every face pixel: face pixel u sits at grid coordinate u·4/faceSize. */
    private void fillMaps(double[] grid, Mat mapX, Mat mapY) {
        double scale = (GRID - 1) / (double) faceSize;
        try (FloatIndexer xs = mapX.createIndexer(); FloatIndexer ys = mapY.createIndexer()) {
            for (int v = 0; v < faceSize; v++) {
                double gy = v * scale;
                int row = Math.min((int) gy, GRID - 2);
                double fy = gy - row;
                for (int u = 0; u < faceSize; u++) {
                    double gx = u * scale;
                    int col = Math.min((int) gx, GRID - 2);
                    double fx = gx - col;
                    xs.put(v, u, (float) bilinear(grid, row, col, fx, fy, 0));
                    ys.put(v, u, (float) bilinear(grid, row, col, fx, fy, 1));
                }
            }
        }
    }

    private static double bilinear(double[] grid, int row, int col, double fx, double fy, int axis) {
        double p00 = grid[2 * (row * GRID + col) + axis];
        double p01 = grid[2 * (row * GRID + col + 1) + axis];
        double p10 = grid[2 * ((row + 1) * GRID + col) + axis];
        double p11 = grid[2 * ((row + 1) * GRID + col + 1) + axis];
        return (1 - fy) * ((1 - fx) * p00 + fx * p01) + fy * ((1 - fx) * p10 + fx * p11);
    }

    private static double uniform(Random random, double range) {
        return (random.nextDouble() * 2 - 1) * range;
    }
}
