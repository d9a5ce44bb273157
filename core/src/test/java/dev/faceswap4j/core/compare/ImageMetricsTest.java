package dev.faceswap4j.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.face.FaceWindow;
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

    /**
     * The grid figure on real faces at a model's size: a few (2.6–3.0 here) for a face, a blurred face and a face scaled up
     * from half its size (no false alarm on softness); five times that and more (30–150 here) with a faint period-2 checkerboard (±4 levels) or a period-4 mesh
     * (a line every 4 pixels, 6 levels darker) added — patterns the eye sees at full size.
     */
    @Test
    void theGridFigureSeesAFaintGridAndNotSoftness() {
        Image face = new FaceWindow(faces.cropSize(), 48, 200, 64).faceOf(faces.crops().get(0));
        double plain = ImageMetrics.gridScore(face);
        double blurred = ImageMetrics.gridScore(blur(face, 5));
        double checkerboard = ImageMetrics.gridScore(pattern(face, (x, y) -> ((x + y) % 2 == 0 ? 4 : -4)));
        double mesh = ImageMetrics.gridScore(pattern(face, (x, y) -> x % 4 == 0 || y % 4 == 0 ? -6 : 0));
        double enlarged = ImageMetrics.gridScore(resize(resize(face, 32, opencv_imgproc.INTER_AREA), 64, opencv_imgproc.INTER_CUBIC));
        assertTrue(plain < 5 && blurred < 5 && enlarged < 5, "a face " + plain + ", blurred " + blurred + ", enlarged " + enlarged);
        assertTrue(checkerboard > 5 * plain, "checkerboard " + checkerboard + " vs " + plain);
        assertTrue(mesh > 5 * plain, "mesh " + mesh + " vs " + plain);
    }

    private static Image resize(Image image, int side, int interpolation) {
        try (Mat source = OpenCvImages.toMat(image); Mat resized = new Mat(); Size size = new Size(side, side)) {
            opencv_imgproc.resize(source, resized, size, 0, 0, interpolation);
            return OpenCvImages.toImage(resized, image.order());
        }
    }

    private interface Pattern {
        int at(int x, int y);
    }

    private static Image pattern(Image face, Pattern pattern) {
        byte[] pixels = face.pixels().clone();
        int channels = face.channels();
        for (int y = 0; y < face.height(); y++) {
            for (int x = 0; x < face.width(); x++) {
                for (int c = 0; c < channels; c++) {
                    int i = (y * face.width() + x) * channels + c;
                    pixels[i] = (byte) Math.max(0, Math.min(255, (pixels[i] & 0xff) + pattern.at(x, y)));
                }
            }
        }
        return new Image(face.width(), face.height(), face.order(), pixels);
    }

    private static Image blur(Image image, int kernel) {
        try (Mat source = OpenCvImages.toMat(image); Mat blurred = new Mat(); Size size = new Size(kernel, kernel)) {
            opencv_imgproc.GaussianBlur(source, blurred, size, 0);
            return OpenCvImages.toImage(blurred, image.order());
        }
    }
}
