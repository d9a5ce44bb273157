package dev.faceswap4j.core.image;

import dev.faceswap4j.api.Image;
import java.nio.file.Path;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/** Two images of the same size next to each other in one file (a before | after sheet), or rows of such pairs. */
public final class SideBySide {

    private SideBySide() {}

    public static void write(Image left, Image right, Path file) {
        if (left.width() != right.width() || left.height() != right.height()) {
            throw new IllegalArgumentException("side by side needs equal sizes, got " + left.width() + "x" + left.height() + " and "
                    + right.width() + "x" + right.height());
        }
        try (Mat a = OpenCvImages.toMat(left); Mat b = OpenCvImages.toMat(right); MatVector both = new MatVector(a, b); Mat sheet = new Mat()) {
            opencv_core.hconcat(both, sheet);
            OpenCvImages.writeImage(OpenCvImages.toImage(sheet, left.order()), file);
        }
    }

    /** Pairs (before, after) of equal size, one row each: a before | after sheet of a few video frames. */
    public static void writeRows(java.util.List<Image[]> pairs, Path file) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no frames for the sheet " + file);
        }
        MatVector rows = new MatVector();
        java.util.List<Mat> owned = new java.util.ArrayList<>();
        try {
            for (Image[] pair : pairs) {
                Mat a = OpenCvImages.toMat(pair[0]);
                Mat b = OpenCvImages.toMat(pair[1]);
                Mat row = new Mat();
                try (MatVector both = new MatVector(a, b)) {
                    opencv_core.hconcat(both, row);
                }
                owned.add(a);
                owned.add(b);
                owned.add(row);
                rows.push_back(row);
            }
            try (Mat sheet = new Mat()) {
                opencv_core.vconcat(rows, sheet);
                OpenCvImages.writeImage(OpenCvImages.toImage(sheet, pairs.get(0)[0].order()), file);
            }
        } finally {
            owned.forEach(Mat::close);
            rows.close();
        }
    }
}
