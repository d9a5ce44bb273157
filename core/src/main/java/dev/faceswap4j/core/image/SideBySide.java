package dev.faceswap4j.core.image;

import dev.faceswap4j.api.Image;
import java.nio.file.Path;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/** Two images of the same size next to each other in one file (a before | after sheet). */
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
}
