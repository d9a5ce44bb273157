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
