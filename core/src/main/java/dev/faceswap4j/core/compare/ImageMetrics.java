package dev.faceswap4j.core.compare;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.OpenCvImages;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Quality figures of face images: reconstruction error, structural similarity, sharpness. */
public final class ImageMetrics {

    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);

    private ImageMetrics() {}

    /** Mean absolute difference of all channels, in [0, 1]. */
    public static double l1(Image a, Image b) {
        requireSameShape(a, b);
        byte[] x = a.pixels();
        byte[] y = b.pixels();
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((x[i] & 0xff) - (y[i] & 0xff));
        }
        return sum / (255.0 * x.length);
    }

    /**
     * SSIM of the luma of two images (Wang et al. 2004: 11×11 Gaussian window, σ 1.5, K1 0.01,
     * K2 0.03), averaged over the image. 1 for identical images.
     */
    public static double ssim(Image a, Image b) {
        requireSameShape(a, b);
        try (Mat x = luma(a); Mat y = luma(b); Mat xx = x.mul(x).asMat(); Mat yy = y.mul(y).asMat(); Mat xy = x.mul(y).asMat();
                Mat mx = blur(x); Mat my = blur(y); Mat sxx = blur(xx); Mat syy = blur(yy); Mat sxy = blur(xy)) {
            int rows = x.rows();
            int cols = x.cols();
            double total = 0;
            try (DoubleIndexer imx = mx.createIndexer(); DoubleIndexer imy = my.createIndexer(); DoubleIndexer ixx = sxx.createIndexer();
                    DoubleIndexer iyy = syy.createIndexer(); DoubleIndexer ixy = sxy.createIndexer()) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        double ux = imx.get(r, c);
                        double uy = imy.get(r, c);
                        double vx = ixx.get(r, c) - ux * ux;
                        double vy = iyy.get(r, c) - uy * uy;
                        double cov = ixy.get(r, c) - ux * uy;
                        total += (2 * ux * uy + C1) * (2 * cov + C2) / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
                    }
                }
            }
            return total / ((double) rows * cols);
        }
    }

    /** Variance of the Laplacian of the luma: higher is sharper (the usual blur measure). */
    public static double sharpness(Image image) {
        try (Mat gray = luma(image); Mat laplacian = new Mat(); Mat mean = new Mat(); Mat deviation = new Mat()) {
            opencv_imgproc.Laplacian(gray, laplacian, opencv_core.CV_64F);
            opencv_core.meanStdDev(laplacian, mean, deviation);
            try (DoubleIndexer sd = deviation.createIndexer()) {
                return sd.get(0) * sd.get(0);
            }
        }
    }

    /**
     * How strongly a square face (a model's output, at its own size) carries a regular grid: the periodic patterns of
     * up-sampling layers repeat every 2, 4 or 8 model pixels, which puts peaks on the lattice of spectrum frequencies at
     * multiples of side/8. For each such frequency, its power over that of the frequencies round it (the luma, mean
     * removed, Hann-windowed, through OpenCV's DFT), the strongest on the lattice: a few for a face without a grid (a
     * smooth spectrum), far above where a grid shows. NaN for a side that is not a multiple of 8.
     */
    public static double gridScore(Image face) {
        int side = face.width();
        if (face.height() != side || side % 8 != 0 || side < 16) {
            return Double.NaN;
        }
        try (Mat gray = luma(face); Mat window = new Mat(); Mat spectrum = new Mat(); Size size = new Size(side, side)) {
            try (Mat mean = new Mat(); Mat deviation = new Mat()) {
                opencv_core.meanStdDev(gray, mean, deviation);
                try (DoubleIndexer m = mean.createIndexer()) {
                    gray.convertTo(gray, opencv_core.CV_64F, 1, -m.get(0));
                }
            }
            opencv_imgproc.createHanningWindow(window, size, opencv_core.CV_64F);
            opencv_core.multiply(gray, window, gray);
            opencv_core.dft(gray, spectrum, opencv_core.DFT_COMPLEX_OUTPUT, 0);
            double[][] power = new double[side][side];
            try (DoubleIndexer s = spectrum.createIndexer()) {
                for (int v = 0; v < side; v++) {
                    for (int u = 0; u < side; u++) {
                        double re = s.get(v, u, 0);
                        double im = s.get(v, u, 1);
                        power[v][u] = re * re + im * im;
                    }
                }
            }
            int step = side / 8;
            double strongest = 0;
            for (int v = 0; v < side; v += step) {
                for (int u = 0; u < side; u += step) {
                    if (u != 0 || v != 0) {
                        strongest = Math.max(strongest, peakOverRing(power, u, v));
                    }
                }
            }
            return strongest;
        }
    }

    /**
     * The power in the 3×3 bins round (u, v) over nine times the mean power on the ring two bins out: the Hann window
     * spreads a pure tone over exactly the 3×3 bins and leaves the ring untouched, so a tone stands out and a smooth
     * spectrum reads about 1.
     */
    private static double peakOverRing(double[][] power, int u, int v) {
        int side = power.length;
        double peak = 0;
        double ring = 0;
        for (int dv = -2; dv <= 2; dv++) {
            for (int du = -2; du <= 2; du++) {
                double p = power[Math.floorMod(v + dv, side)][Math.floorMod(u + du, side)];
                if (Math.abs(du) == 2 || Math.abs(dv) == 2) {
                    ring += p;
                } else {
                    peak += p;
                }
            }
        }
        return peak / Math.max(9 * ring / 16, Double.MIN_NORMAL);
    }

    private static Mat luma(Image image) {
        try (Mat bgr = OpenCvImages.toMat(image); Mat gray = new Mat()) {
            if (image.channels() == 1) {
                bgr.copyTo(gray);
            } else {
                int code = switch (image.order()) {
                    case RGB -> opencv_imgproc.COLOR_RGB2GRAY;
                    case RGBA -> opencv_imgproc.COLOR_RGBA2GRAY;
                    case BGRA -> opencv_imgproc.COLOR_BGRA2GRAY;
                    default -> opencv_imgproc.COLOR_BGR2GRAY;
                };
                opencv_imgproc.cvtColor(bgr, gray, code);
            }
            Mat result = new Mat();
            gray.convertTo(result, opencv_core.CV_64F);
            return result;
        }
    }

    private static Mat blur(Mat source) {
        Mat result = new Mat();
        try (Size window = new Size(11, 11)) {
            opencv_imgproc.GaussianBlur(source, result, window, 1.5, 1.5, opencv_core.BORDER_REFLECT, opencv_core.ALGO_HINT_DEFAULT);
        }
        return result;
    }

    private static void requireSameShape(Image a, Image b) {
        if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) {
            throw new IllegalArgumentException("images differ in shape: " + a.width() + "x" + a.height() + "x" + a.channels() + " vs "
                    + b.width() + "x" + b.height() + "x" + b.channels());
        }
    }
}
