package dev.faceswap4j.core.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.core.face.FaceWindow;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.testing.DlibDetector;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.video.VideoSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Putting a face back into a real photo: where the mask reaches, what changes, and colour matching. */
class FaceCompositorTest {

    private static final FaceWindow WINDOW = new FaceWindow(256, 48, 200, 64);
    private static Image photo;
    private static Landmarks landmarks;

    @BeforeAll
    static void largestFaceOfASamplePhoto() {
        photo = Images.readBgr(TestModels.samplePhoto(2));
        Detection face = new DlibDetector().detect(photo).stream().max(Comparator.comparingDouble(d -> d.box().area())).orElseThrow();
        landmarks = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68)).predict(photo, face.box());
    }

    private static ConvertSettings settings() {
        return new ConvertSettings(0.05, 0.08, 0, false, 1, new VideoSettings("libopenh264", 18, 2));
    }

    /** The built-in stages by name, found on the class path as a dropped-in plugin would be. */
    static ConvertStages stages(String color, String blend) {
        return stages("hull", color, blend);
    }

    static ConvertStages stages(String mask, String color, String blend) {
        Config config = ConfigFactory.parseString("faceswap4j.convert { mask = " + mask + ", color = " + color + ", blend = " + blend + " }");
        return ConvertStages.from(PluginRegistry.discover(FaceCompositorTest.class.getClassLoader()), config);
    }

    private static FaceCompositor compositor(String color) {
        return new FaceCompositor(settings(), stages(color, "feather"));
    }

    @Test
    void theMaskStaysInsideTheFaceAndCoversMostOfIt() {
        Affine frameToFace = WINDOW.frameToFace(landmarks);
        Image face = OpenCvImages.warpAffine(photo, frameToFace, 64, 64);
        FaceCompositor.Placement placement = compositor("none").place(frameToFace, face, null, landmarks, photo.width(),
                photo.height());
        assertNotNull(placement);
        List<Point2> hull = convexHull(landmarks.points());
        Image mask = placement.mask();
        int inside = 0;
        int outside = 0;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.get(x, y, 0) == 0) {
                    continue;
                }
                if (insideConvex(hull, placement.x() + x + 0.5, placement.y() + y + 0.5, 1.0)) {
                    inside++;
                } else {
                    outside++;
                }
            }
        }
        assertEquals(0, outside, "mask pixels outside the landmark hull (1 px tolerance); inside: " + inside);
        double hullArea = area(hull);
        assertTrue(inside > 0.5 * hullArea, "mask covers " + inside + " px of a " + hullArea + " px hull");
    }

    /** convert.mask = predicted: the model's mask (here: the left half of the face square) decides, not the landmark hull. */
    @Test
    void aPredictedMaskIsWarpedIntoTheFrameInsteadOfTheHull() {
        Affine frameToFace = WINDOW.frameToFace(landmarks);
        Image face = OpenCvImages.warpAffine(photo, frameToFace, 64, 64);
        byte[] leftHalf = new byte[64 * 64];
        for (int i = 0; i < leftHalf.length; i++) {
            leftHalf[i] = (byte) (i % 64 < 32 ? 255 : 0);
        }
        ConvertSettings unfeathered = new ConvertSettings(0, 0, 0, false, 1, settings().video());
        FaceCompositor.Placement placement = new FaceCompositor(unfeathered, stages("predicted", "none", "feather"))
                .place(frameToFace, face, new Image(64, 64, ChannelOrder.GRAY, leftHalf), landmarks, photo.width(), photo.height());
        List<Point2> hull = convexHull(landmarks.points());
        int on = 0;
        int outsideHull = 0;
        Image mask = placement.mask();
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.get(x, y, 0) < 128) {
                    continue;
                }
                on++;
                Point2 inFace = frameToFace.apply(new Point2(placement.x() + x + 0.5, placement.y() + y + 0.5));
                assertTrue(inFace.x() < 33 && inFace.x() > -1 && inFace.y() > -1 && inFace.y() < 65,
                        "mask pixel at face coordinates " + inFace + ", outside the predicted left half");
                outsideHull += insideConvex(hull, placement.x() + x + 0.5, placement.y() + y + 0.5, 1.0) ? 0 : 1;
            }
        }
        double side = 64 * Math.sqrt(Math.abs(frameToFace.inverse().determinant()));
        assertTrue(on > 0.45 * side * side / 2, on + " px on for a half square of " + side * side / 2);
        assertTrue(outsideHull > 0, "the hull played no part: the half square reaches past it");
    }

    @Test
    void poissonBlendingGetsTheHardMaskAndStaysInsideIt() {
        Affine frameToFace = WINDOW.frameToFace(landmarks);
        Image face = OpenCvImages.warpAffine(photo, frameToFace, 64, 64);
        FaceCompositor feathered = compositor("none");
        FaceCompositor poisson = new FaceCompositor(settings(), stages("none", "poisson"));
        FaceCompositor.Placement soft = feathered.place(frameToFace, face, null, landmarks, photo.width(), photo.height());
        FaceCompositor.Placement hard = poisson.place(frameToFace, face, null, landmarks, photo.width(), photo.height());
        int softEdge = 0;
        for (int i = 0; i < soft.mask().pixels().length; i++) {
            int value = soft.mask().pixels()[i] & 0xff;
            softEdge += value > 0 && value < 255 ? 1 : 0;
            int hardValue = hard.mask().pixels()[i] & 0xff;
            assertTrue(hardValue == 0 || hardValue == 255, "poisson's mask is not feathered: " + hardValue);
        }
        assertTrue(softEdge > 100, "the feathered mask has a soft edge: " + softEdge + " px");
        assertEquals(0, changedOutsideMask(blendedIntoPhoto(poisson, hard), hard), "Poisson blending changed pixels outside its mask");
    }

    @Test
    void sharpeningRestoresEdgesOfTheScaledUpFaceAndKeepsItsMask() {
        Affine frameToFace = WINDOW.frameToFace(landmarks);
        Image face = OpenCvImages.warpAffine(photo, frameToFace, 64, 64);
        ConvertSettings plain = settings();
        ConvertSettings sharp = new ConvertSettings(0.05, 0.08, 0, false, 1, plain.video(),
                dev.faceswap4j.core.video.FrameRange.ALL, 1.5, 0, dev.faceswap4j.core.people.People.EVERYONE);
        FaceCompositor.Placement soft = compositor("none").place(frameToFace, face, null, landmarks, photo.width(), photo.height());
        FaceCompositor.Placement crisp = new FaceCompositor(sharp, stages("none", "feather")).place(frameToFace, face, null, landmarks, photo.width(), photo.height());
        assertEquals(soft.mask(), crisp.mask(), "sharpening changes the face, not where it goes");
        double gain = dev.faceswap4j.core.compare.ImageMetrics.sharpness(crisp.face()) / dev.faceswap4j.core.compare.ImageMetrics.sharpness(soft.face());
        assertTrue(gain > 1.5, "Laplacian variance gain " + gain);
    }

    @Test
    void onlyMaskedPixelsChangeAndFullyMaskedOnesTakeTheFace() {
        Affine frameToFace = WINDOW.frameToFace(landmarks);
        Image face = OpenCvImages.warpAffine(photo, frameToFace, 64, 64);
        byte[] inverted = face.pixels().clone();
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = (byte) (255 - (inverted[i] & 0xff));
        }
        FaceCompositor compositor = compositor("none");
        FaceCompositor.Placement placement = compositor.place(frameToFace, new Image(64, 64, ChannelOrder.BGR, inverted), null, landmarks,
                photo.width(), photo.height());
        Image result = blendedIntoPhoto(compositor, placement);
        assertEquals(0, changedOutsideMask(result, placement), "pixel values changed outside the mask");
        int fullyMasked = 0;
        long fullyMaskedError = 0;
        for (int my = 0; my < placement.mask().height(); my++) {
            for (int mx = 0; mx < placement.mask().width(); mx++) {
                if (placement.mask().get(mx, my, 0) == 255) {
                    for (int c = 0; c < 3; c++) {
                        fullyMasked++;
                        fullyMaskedError += Math.abs(result.get(placement.x() + mx, placement.y() + my, c) - placement.face().get(mx, my, c));
                    }
                }
            }
        }
        assertTrue(fullyMasked > 1000, "fully masked values: " + fullyMasked);
        assertTrue(fullyMaskedError <= fullyMasked, "fully masked pixels differ from the face by " + (double) fullyMaskedError / fullyMasked);
    }

    @Test
    void colourMatchingPullsACastFaceBackToTheFramesColours() {
        Affine frameToFace = WINDOW.frameToFace(landmarks);
        Image face = OpenCvImages.warpAffine(photo, frameToFace, 64, 64);
        byte[] cast = face.pixels().clone();
        for (int i = 0; i < cast.length; i += 3) {
            cast[i] = (byte) Math.min(255, (cast[i] & 0xff) + 60);
            cast[i + 2] = (byte) Math.max(0, (cast[i + 2] & 0xff) - 40);
        }
        Image castFace = new Image(64, 64, ChannelOrder.BGR, cast);
        double without = meanError("none", frameToFace, castFace);
        for (String mode : List.of("mean-std-lab", "hist-match")) {
            double with = meanError(mode, frameToFace, castFace);
            assertTrue(with < 0.5 * without, mode + ": mean error in the mask " + with + ", without matching " + without);
        }
    }

    /** Mean absolute difference to the original photo inside the fully opaque mask. */
    private static double meanError(String mode, Affine frameToFace, Image face) {
        FaceCompositor compositor = compositor(mode);
        FaceCompositor.Placement placement = compositor.place(frameToFace, face, null, landmarks, photo.width(), photo.height());
        Image result = blendedIntoPhoto(compositor, placement);
        double sum = 0;
        int count = 0;
        for (int my = 0; my < placement.mask().height(); my++) {
            for (int mx = 0; mx < placement.mask().width(); mx++) {
                if (placement.mask().get(mx, my, 0) == 255) {
                    for (int c = 0; c < 3; c++) {
                        sum += Math.abs(result.get(placement.x() + mx, placement.y() + my, c) - photo.get(placement.x() + mx, placement.y() + my, c));
                        count++;
                    }
                }
            }
        }
        return sum / count;
    }

    /** Channel values of {@code result} that differ from the photo where {@code placement}'s mask is 0 (or absent). */
    private static int changedOutsideMask(Image result, FaceCompositor.Placement placement) {
        int changed = 0;
        for (int y = 0; y < photo.height(); y++) {
            for (int x = 0; x < photo.width(); x++) {
                int mx = x - placement.x();
                int my = y - placement.y();
                boolean inRegion = mx >= 0 && my >= 0 && mx < placement.mask().width() && my < placement.mask().height();
                if (inRegion && placement.mask().get(mx, my, 0) != 0) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    changed += result.get(x, y, c) != photo.get(x, y, c) ? 1 : 0;
                }
            }
        }
        return changed;
    }

    private static Image blendedIntoPhoto(FaceCompositor compositor, FaceCompositor.Placement placement) {
        try (Mat canvas = OpenCvImages.toMat(photo)) {
            compositor.blend(canvas, placement);
            return OpenCvImages.toImage(canvas, ChannelOrder.BGR);
        }
    }

    /** Andrew's monotone chain, counter-clockwise in image coordinates (y down). */
    private static List<Point2> convexHull(List<Point2> points) {
        List<Point2> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point2::x).thenComparingDouble(Point2::y));
        List<Point2> hull = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (Point2 p : sorted) {
                while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
                    hull.remove(hull.size() - 1);
                }
                hull.add(p);
            }
            hull.remove(hull.size() - 1);
            java.util.Collections.reverse(sorted);
        }
        return hull;
    }

    private static double cross(Point2 o, Point2 a, Point2 b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    }

    /** Inside the convex polygon or within {@code tolerance} px of it. */
    private static boolean insideConvex(List<Point2> hull, double x, double y, double tolerance) {
        for (int i = 0; i < hull.size(); i++) {
            Point2 a = hull.get(i);
            Point2 b = hull.get((i + 1) % hull.size());
            double length = Math.hypot(b.x() - a.x(), b.y() - a.y());
            double side = ((b.x() - a.x()) * (y - a.y()) - (b.y() - a.y()) * (x - a.x())) / length;
            if (side < -tolerance) {
                return false;
            }
        }
        return true;
    }

    private static double area(List<Point2> hull) {
        double twice = 0;
        for (int i = 0; i < hull.size(); i++) {
            Point2 a = hull.get(i);
            Point2 b = hull.get((i + 1) % hull.size());
            twice += a.x() * b.y() - b.x() * a.y();
        }
        return Math.abs(twice) / 2;
    }
}
