package dev.faceswap4j.core.evaluate;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.core.image.LandmarkHull;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A frame's pixels split into the face (landmark hull) and the rest (outside the hull dilated, so the
 * convert mask's feather counts as face), with the pixel figures evaluate reports over each part.
 */
final class FaceRegion {

    /** Pixels whose PSNR is higher than this are reported as this: identical pixels would give infinity. */
    static final double MAX_PSNR = 100;

    private final int width;
    private final int height;
    private final byte[] inside;
    private final byte[] outside;

    private FaceRegion(int width, int height, byte[] inside, byte[] outside) {
        this.width = width;
        this.height = height;
        this.inside = inside;
        this.outside = outside;
    }

    /**
     * @param dilate how far around the hull still counts as face, in pixels (the convert mask's feather
     *        reaches a little beyond the landmarks)
     */
    static FaceRegion of(Landmarks landmarks, int width, int height, int dilate) {
        byte[] inside = new byte[width * height];
        byte[] outside = new byte[width * height];
        try (Mat hull = new Mat(height, width, opencv_core.CV_8UC1, new org.bytedeco.opencv.opencv_core.Scalar(0));
                Mat grown = new Mat()) {
            LandmarkHull.fill(hull, landmarks, 0, 0);
            int side = 2 * Math.max(1, dilate) + 1;
            try (Size size = new Size(side, side); Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, size)) {
                opencv_imgproc.dilate(hull, grown, kernel);
            }
            ((BytePointer) hull.data()).get(inside);
            ((BytePointer) grown.data()).get(outside);
        }
        for (int i = 0; i < outside.length; i++) {
            outside[i] = (byte) (outside[i] == 0 ? 1 : 0);
            inside[i] = (byte) (inside[i] == 0 ? 0 : 1);
        }
        return new FaceRegion(width, height, inside, outside);
    }

    /** PSNR of {@code b} against {@code a} over the face's pixels, in dB (capped at {@link #MAX_PSNR}). */
    double psnrInside(Image a, Image b) {
        return psnr(a, b, inside);
    }

    /** PSNR of {@code b} against {@code a} away from the face. */
    double psnrOutside(Image a, Image b) {
        return psnr(a, b, outside);
    }

    /** Variance of the (4-neighbour) Laplacian of the luma (see {@link #luma}) over the face: the usual blur measure. */
    double sharpness(double[] luma) {
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                if (inside[i] == 0) {
                    continue;
                }
                double laplacian = luma[i - 1] + luma[i + 1] + luma[i - width] + luma[i + width] - 4 * luma[i];
                sum += laplacian;
                squares += laplacian * laplacian;
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    /** Mean absolute luma change over the face from {@code before} to {@code after}: flicker when the scene barely moves. */
    double lumaChange(double[] a, double[] b) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (inside[i] != 0) {
                sum += Math.abs(a[i] - b[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private double psnr(Image a, Image b, byte[] mask) {
        byte[] pa = a.pixels();
        byte[] pb = b.pixels();
        int channels = a.channels();
        double squares = 0;
        long n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 0) {
                continue;
            }
            for (int c = 0; c < channels; c++) {
                int d = (pa[i * channels + c] & 0xff) - (pb[i * channels + c] & 0xff);
                squares += d * d;
            }
            n += channels;
        }
        if (n == 0) {
            return Double.NaN;
        }
        if (squares == 0) {
            return MAX_PSNR;
        }
        return Math.min(MAX_PSNR, 10 * Math.log10(255.0 * 255.0 / (squares / n)));
    }

    /** BT.601 luma of a BGR or RGB frame. */
    static double[] luma(Image image) {
        byte[] p = image.pixels();
        int channels = image.channels();
        double[] result = new double[image.width() * image.height()];
        boolean bgr = image.order() == dev.faceswap4j.api.ChannelOrder.BGR || image.order() == dev.faceswap4j.api.ChannelOrder.BGRA;
        for (int i = 0; i < result.length; i++) {
            if (channels == 1) {
                result[i] = p[i] & 0xff;
                continue;
            }
            int first = p[i * channels] & 0xff;
            int g = p[i * channels + 1] & 0xff;
            int third = p[i * channels + 2] & 0xff;
            int r = bgr ? third : first;
            int b = bgr ? first : third;
            result[i] = 0.299 * r + 0.587 * g + 0.114 * b;
        }
        return result;
    }
}
