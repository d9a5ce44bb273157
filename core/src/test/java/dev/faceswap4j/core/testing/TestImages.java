package dev.faceswap4j.core.testing;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.OpenCvImages;
import java.util.Comparator;
import java.util.Locale;

/** Variants of real test images. */
public final class TestImages {

    private TestImages() {}

    /** A small scene round a real face, and where the face is in it. */
    public record Scene(Image image, Rect face) {
        /**
         * HOCON lines that choose the test detector {@code fixed-box} with this scene's face in a box 6 px larger on each
         * side, so a face swaying by a few pixels ({@link #swaying}) stays in it.
         */
        public String fixedBoxDetector() {
            return String.format(Locale.ROOT, "  detector = fixed-box%n  detectors.fixed-box { x = %f, y = %f, size = %f, score = 1 }",
                    face.x() - 6, face.y() - 6, face.width() + 12);
        }
    }

    /** The woman of sample photo 2 in a scene three faces wide and high round her face (found by dlib). */
    public static Scene womanInASmallScene() {
        Image photo = Images.readBgr(TestModels.samplePhoto(2));
        Rect box = new DlibDetector().detect(photo).stream().map(Detection::box).max(Comparator.comparingDouble(Rect::area)).orElseThrow();
        int x = (int) Math.max(0, box.x() - box.width());
        int y = (int) Math.max(0, box.y() - box.height());
        int w = (int) Math.min(photo.width() - x, 3 * box.width());
        int h = (int) Math.min(photo.height() - y, 3 * box.height());
        return new Scene(OpenCvImages.cropResize(photo, x, y, w, h, w, h), new Rect(box.x() - x, box.y() - y, box.width(), box.height()));
    }

    /** Frame {@code i} of a clip of {@code scene} swaying by a few pixels, a different amount each frame (edges repeated). */
    public static Image swaying(Scene scene, int i) {
        Image image = scene.image();
        int dx = (int) Math.round(4 * Math.sin(i / 2.0));
        int dy = (int) Math.round(3 * Math.cos(i / 3.0));
        byte[] moved = new byte[image.pixels().length];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int sx = Math.min(image.width() - 1, Math.max(0, x - dx));
                int sy = Math.min(image.height() - 1, Math.max(0, y - dy));
                System.arraycopy(image.pixels(), (sy * image.width() + sx) * 3, moved, (y * image.width() + x) * 3, 3);
            }
        }
        return new Image(image.width(), image.height(), image.order(), moved);
    }

    /** The gray version of a BGR image, each pixel the integer mean of its channels (dlib's conversion). */
    public static Image gray(Image bgr) {
        int n = bgr.width() * bgr.height();
        byte[] px = bgr.pixels();
        byte[] gray = new byte[n];
        for (int i = 0; i < n; i++) {
            gray[i] = (byte) (((px[3 * i] & 0xFF) + (px[3 * i + 1] & 0xFF) + (px[3 * i + 2] & 0xFF)) / 3);
        }
        return new Image(bgr.width(), bgr.height(), ChannelOrder.GRAY, gray);
    }
}
