package dev.faceswap4j.core.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.face.FaceWindow;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.LandmarkRegions;
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
        return stages("faceswap4j.convert { mask = " + mask + ", color = " + color + ", blend = " + blend + " }");
    }

    /** The stages a convert section names, each with its settings' defaults from reference.conf. */
    static ConvertStages stages(String convert) {
        Config config = ConfigFactory.parseString(convert).withFallback(ConfigFactory.defaultReference()).resolve();
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

    /**
     * {@code convert.masks.hull.keep = [mouth]}: with the lips apart the inner mouth stays the source's (no pixel there
     * changes), the rest of the face is swapped as ever; with the same face's lips together nothing is kept. (The
     * sample face's own lips are moved apart or together along the face's vertical, from its real landmarks.)
     */
    @Test
    void aKeptOpenMouthStaysTheSourcesAndAClosedOneIsSwapped() {
        FaceCompositor keeping = new FaceCompositor(new ConvertSettings(0, 0.02, 0, false, 1, new VideoSettings("libopenh264", 18, 2)),
                stages("faceswap4j.convert { mask = hull, color = none, blend = feather, masks.hull.keep = [mouth] }"));
        Landmarks open = lipsApart(landmarks, 0.25);
        Landmarks closed = lipsApart(landmarks, 0);
        assertTrue(LandmarkRegions.mouthOpening(open) > 0.2 && LandmarkRegions.mouthOpening(closed) < 0.01,
                LandmarkRegions.mouthOpening(open) + " / " + LandmarkRegions.mouthOpening(closed));
        Affine frameToFace = WINDOW.frameToFace(open);
        Image inverted = inverted(OpenCvImages.warpAffine(photo, frameToFace, 64, 64));
        FaceCompositor.Placement kept = keeping.place(frameToFace, inverted, null, open, photo.width(), photo.height());
        Image result = blendedIntoPhoto(keeping, kept);
        // The inner mouth, a feather's width inside its edge: the source's pixels, untouched.
        List<Point2> mouth = open.points().subList(60, 68);
        int inMouth = 0;
        int changed = 0;
        int swappedNearby = 0;
        for (int y = 0; y < photo.height(); y++) {
            for (int x = 0; x < photo.width(); x++) {
                if (insidePolygon(mouth, x + 0.5, y + 0.5) && distanceToPolygon(mouth, x + 0.5, y + 0.5) > 4) {
                    inMouth++;
                    changed += result.get(x, y, 0) != photo.get(x, y, 0) ? 1 : 0;
                }
            }
        }
        assertTrue(inMouth > 30, "inner-mouth pixels looked at: " + inMouth);
        assertEquals(0, changed, "inner-mouth pixels changed of " + inMouth);
        // The lips themselves (outer lip points but the two corners, which meet the inner mouth's) are swapped.
        for (int i = 49; i < 60; i++) {
            Point2 lip = open.get(i);
            swappedNearby += i != 54 && result.get((int) lip.x(), (int) lip.y(), 0) != photo.get((int) lip.x(), (int) lip.y(), 0) ? 1 : 0;
        }
        assertTrue(swappedNearby >= 9, "outer lip points swapped: " + swappedNearby + " of 10");

        FaceCompositor.Placement whole = keeping.place(WINDOW.frameToFace(closed), inverted, null, closed, photo.width(), photo.height());
        Point2 centre = closed.get(66);
        assertEquals(255, whole.mask().get((int) centre.x() - whole.x(), (int) centre.y() - whole.y(), 0), "closed lips are swapped");
    }

    @Test
    void anUnknownKeptRegionIsOneClearError() {
        FaceswapException e = assertThrows(FaceswapException.class,
                () -> stages("faceswap4j.convert { mask = hull, color = none, blend = feather, masks.hull.keep = [nose] }"));
        assertEquals("faceswap4j.convert.masks.hull.keep lists mouth or eyes, got 'nose'", e.getMessage());
    }

    /**
     * {@code face}'s landmarks with the lower lip (inner and outer) moved so that the inner lips are {@code apart}
     * outer-eye distances apart, along the face.
     */
    private static Landmarks lipsApart(Landmarks face, double apart) {
        List<Point2> points = new ArrayList<>(face.points());
        double eyes = Math.hypot(points.get(45).x() - points.get(36).x(), points.get(45).y() - points.get(36).y());
        // "Down" along the face: from between the eyes towards the chin.
        Point2 top = new Point2((points.get(36).x() + points.get(45).x()) / 2, (points.get(36).y() + points.get(45).y()) / 2);
        Point2 chin = points.get(8);
        double length = Math.hypot(chin.x() - top.x(), chin.y() - top.y());
        double down = apart * eyes / length;
        // The lower inner lip's middle goes to `apart` below the upper's, and the whole lower lip with it.
        Point2 upper = points.get(62);
        Point2 lower = points.get(66);
        double mx = upper.x() + down * (chin.x() - top.x()) - lower.x();
        double my = upper.y() + down * (chin.y() - top.y()) - lower.y();
        for (int i : new int[] {55, 56, 57, 58, 59, 65, 66, 67}) {
            points.set(i, new Point2(points.get(i).x() + mx, points.get(i).y() + my));
        }
        if (apart == 0) {
            // Closed: the inner lips meet.
            points.set(65, points.get(63));
            points.set(66, points.get(62));
            points.set(67, points.get(61));
        }
        return new Landmarks(points);
    }

    private static Image inverted(Image face) {
        byte[] pixels = face.pixels().clone();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (255 - (pixels[i] & 0xff));
        }
        return new Image(face.width(), face.height(), face.order(), pixels);
    }

    private static boolean insidePolygon(List<Point2> polygon, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            Point2 a = polygon.get(i);
            Point2 b = polygon.get(j);
            if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static double distanceToPolygon(List<Point2> polygon, double x, double y) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < polygon.size(); i++) {
            Point2 a = polygon.get(i);
            Point2 b = polygon.get((i + 1) % polygon.size());
            double lx = b.x() - a.x();
            double ly = b.y() - a.y();
            double t = Math.max(0, Math.min(1, ((x - a.x()) * lx + (y - a.y()) * ly) / (lx * lx + ly * ly)));
            best = Math.min(best, Math.hypot(x - a.x() - t * lx, y - a.y() - t * ly));
        }
        return best;
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
