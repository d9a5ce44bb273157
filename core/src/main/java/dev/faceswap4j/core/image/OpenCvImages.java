package dev.faceswap4j.core.image;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** The OpenCV operations the pipeline needs, on {@link Image}s; Mats stay inside this class. */
public final class OpenCvImages {

    private OpenCvImages() {}

    /** Warps {@code source} into a {@code width}×{@code height} image: dst(T(p)) = src(p), bilinear, black border. */
    public static Image warpAffine(Image source, Affine transform, int width, int height) {
        try (Mat src = toMat(source);
                Mat dst = new Mat();
                Mat matrix = toMat(transform);
                Size size = new Size(width, height);
                Scalar black = new Scalar(0, 0, 0, 0)) {
            opencv_imgproc.warpAffine(src, dst, matrix, size, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_CONSTANT, black);
            return toImage(dst, source.order());
        }
    }

    /** The region (x, y, width, height) of {@code source} resized to {@code width}×{@code height}, bilinear (area when shrinking). */
    public static Image cropResize(Image source, int x, int y, int regionWidth, int regionHeight, int width, int height) {
        try (Mat src = toMat(source);
                org.bytedeco.opencv.opencv_core.Rect roi = new org.bytedeco.opencv.opencv_core.Rect(x, y, regionWidth, regionHeight);
                Mat region = new Mat(src, roi);
                Mat dst = new Mat();
                Size size = new Size(width, height)) {
            boolean shrinking = width < regionWidth || height < regionHeight;
            opencv_imgproc.resize(region, dst, size, 0, 0, shrinking ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_LINEAR);
            return toImage(dst, source.order());
        }
    }

    /** A Mat holding a copy of the image's pixels (native memory, freed when the Mat is closed). */
    public static Mat toMat(Image image) {
        Mat mat = new Mat(image.height(), image.width(), opencv_core.CV_8UC(image.channels()));
        mat.data().put(image.pixels());
        return mat;
    }

    public static Image toImage(Mat mat, ChannelOrder order) {
        if (mat.depth() != opencv_core.CV_8U || mat.channels() != order.channels()) {
            throw new IllegalArgumentException("expected an 8-bit " + order + " Mat, got depth " + mat.depth() + " with " + mat.channels() + " channels");
        }
        Mat continuous = mat.isContinuous() ? mat : mat.clone();
        byte[] pixels = new byte[mat.rows() * mat.cols() * mat.channels()];
        BytePointer data = continuous.data();
        data.get(pixels);
        return new Image(mat.cols(), mat.rows(), order, pixels);
    }

    /** Writes an image file, PNG or JPEG by the extension; one line naming the file on failure. */
    public static void writeImage(Image image, java.nio.file.Path file) {
        try (Mat mat = toMat(image)) {
            if (!org.bytedeco.opencv.global.opencv_imgcodecs.imwrite(file.toString(), mat)) {
                throw new dev.faceswap4j.api.FaceswapException("cannot write " + file);
            }
        }
    }

    public static Mat toMat(Affine transform) {
        Mat mat = new Mat(2, 3, opencv_core.CV_64F);
        double[] values = transform.toArray();
        try (DoubleIndexer indexer = mat.createIndexer()) {
            for (int i = 0; i < 6; i++) {
                indexer.put(i / 3, i % 3, values[i]);
            }
        }
        return mat;
    }
}
