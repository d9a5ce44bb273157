package dev.faceswap4j.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.testing.TestFaces;
import dev.faceswap4j.core.train.FaceSet;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

class ImageMetricsTest {

    private final FaceSet faces = FaceSet.read(TestFaces.sampleCrops());

    @Test
    void identicalFacesScorePerfectly() {
        Image face = faces.crops().get(0);
        assertEquals(0, ImageMetrics.l1(face, face));
        assertEquals(1, ImageMetrics.ssim(face, face), 1e-12);
    }

    /** Blurring a real face lowers its sharpness and its SSIM to the original, more with more blur. */
    @Test
    void blurIsSeenBySharpnessAndSsim() {
        Image face = faces.crops().get(0);
        Image light = blur(face, 3);
        Image heavy = blur(face, 9);
        assertTrue(ImageMetrics.sharpness(face) > 2 * ImageMetrics.sharpness(light), "sharpness " + ImageMetrics.sharpness(face)
                + " vs " + ImageMetrics.sharpness(light));
        assertTrue(ImageMetrics.sharpness(light) > ImageMetrics.sharpness(heavy));
        double ssimLight = ImageMetrics.ssim(face, light);
        double ssimHeavy = ImageMetrics.ssim(face, heavy);
        assertTrue(ssimLight < 1 && ssimHeavy < ssimLight, ssimLight + " " + ssimHeavy);
        assertTrue(ImageMetrics.l1(face, heavy) > ImageMetrics.l1(face, light));
    }

    /** Another person's face is further from this one than a blurred copy of it. */
    @Test
    void anotherFaceIsLessSimilarThanABlurredCopy() {
        Image face = faces.crops().get(0);
        Image other = faces.crops().get(5);
        assertTrue(ImageMetrics.ssim(face, other) < ImageMetrics.ssim(face, blur(face, 5)));
    }

    private static Image blur(Image image, int kernel) {
        try (Mat source = OpenCvImages.toMat(image); Mat blurred = new Mat(); Size size = new Size(kernel, kernel)) {
            opencv_imgproc.GaussianBlur(source, blurred, size, 0);
            return OpenCvImages.toImage(blurred, image.order());
        }
    }
}
