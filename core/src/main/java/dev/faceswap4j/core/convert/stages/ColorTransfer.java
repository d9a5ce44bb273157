package dev.faceswap4j.core.convert.stages;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.OpenCvImages;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/** The colour matching algorithms of the built-in colour stages, measured inside the face mask. */
final class ColorTransfer {

    private ColorTransfer() {}

    /** Reinhard et al.: per Lab channel, x' = (x − μ_face)·σ_frame/σ_face + μ_frame, in float Lab. */
    static Image meanStdLab(Image faceImage, Image frameImage, Image maskImage) {
        try (Mat face = OpenCvImages.toMat(faceImage);
                Mat frame = OpenCvImages.toMat(frameImage);
                Mat mask = OpenCvImages.toMat(maskImage);
                Mat faceLab = toLab(face);
                Mat frameLab = toLab(frame);
                Mat faceMean = new Mat(); Mat faceStd = new Mat();
                Mat frameMean = new Mat(); Mat frameStd = new Mat();
                MatVector channels = new MatVector()) {
            opencv_core.meanStdDev(faceLab, faceMean, faceStd, mask);
            opencv_core.meanStdDev(frameLab, frameMean, frameStd, mask);
            opencv_core.split(faceLab, channels);
            try (DoubleIndexer fm = faceMean.createIndexer(); DoubleIndexer fs = faceStd.createIndexer();
                    DoubleIndexer tm = frameMean.createIndexer(); DoubleIndexer ts = frameStd.createIndexer()) {
                for (int c = 0; c < 3; c++) {
                    double scale = ts.get(c) / Math.max(fs.get(c), 1e-6);
                    Mat channel = channels.get(c);
                    channel.convertTo(channel, opencv_core.CV_32F, scale, tm.get(c) - fm.get(c) * scale);
                }
            }
            try (Mat lab = new Mat(); Mat bgr = new Mat()) {
                opencv_core.merge(channels, lab);
                opencv_imgproc.cvtColor(lab, bgr, opencv_imgproc.COLOR_Lab2BGR);
                bgr.convertTo(face, opencv_core.CV_8U, 255, 0);
            }
            return OpenCvImages.toImage(face, ChannelOrder.BGR);
        }
    }

    private static Mat toLab(Mat bgr) {
        Mat lab = new Mat();
        try (Mat scaled = new Mat()) {
            bgr.convertTo(scaled, opencv_core.CV_32F, 1 / 255.0, 0);
            opencv_imgproc.cvtColor(scaled, lab, opencv_imgproc.COLOR_BGR2Lab);
        }
        return lab;
    }

    /** Per channel, maps each face level to the frame level at the same cumulative share of masked pixels. */
    static Image histogramMatch(Image face, Image frame, Image mask) {
        byte[] inside = mask.pixels();
        byte[] pixels = face.pixels().clone();
        for (int c = 0; c < 3; c++) {
            double[] faceCdf = cdf(face.pixels(), inside, c);
            double[] frameCdf = cdf(frame.pixels(), inside, c);
            int[] lut = new int[256];
            int level = 0;
            for (int v = 0; v < 256; v++) {
                while (level < 255 && frameCdf[level] < faceCdf[v]) {
                    level++;
                }
                lut[v] = level;
            }
            for (int i = c; i < pixels.length; i += 3) {
                pixels[i] = (byte) lut[pixels[i] & 0xff];
            }
        }
        return new Image(face.width(), face.height(), face.order(), pixels);
    }

    private static double[] cdf(byte[] pixels, byte[] mask, int channel) {
        double[] counts = new double[256];
        double total = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] != 0) {
                counts[pixels[3 * p + channel] & 0xff]++;
                total++;
            }
        }
        double running = 0;
        for (int v = 0; v < 256; v++) {
            running += counts[v];
            counts[v] = running / Math.max(total, 1);
        }
        return counts;
    }
}
