package dev.faceswap4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.face.FaceRecord;
import dev.faceswap4j.core.testing.TestFaces;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EyeMasksTest {

    /** On real faces: every eye landmark is inside the mask, the mouth and nose tip are not, and the mask is small. */
    @Test
    void coversTheEyesOnlyOfRealFaces() {
        Path crops = TestFaces.sampleCrops();
        FaceSet set = FaceSet.read(crops);
        assertEquals(set.size(), set.eyeMasks().size());
        for (var frame : Alignments.read(crops.resolve(Alignments.FILE_NAME)).frames()) {
            for (FaceRecord face : frame.faces()) {
                Image mask = set.eyeMasks().get(set.files().indexOf(crops.resolve(face.crop())));
                for (int i = 36; i < 48; i++) {
                    assertTrue(inside(mask, face, i), face.crop() + ": eye landmark " + i + " outside the mask");
                }
                for (int i : new int[] {30, 48, 54, 57, 8}) {
                    assertTrue(!inside(mask, face, i), face.crop() + ": landmark " + i + " inside the eye mask");
                }
                double covered = fraction(mask);
                assertTrue(covered > 0.005 && covered < 0.08, face.crop() + ": eye mask covers " + covered);
            }
        }
    }

    /** The face mask holds every one of the 68 landmarks inside the crop, not the crop's corners, and about half of the crop. */
    @Test
    void theFaceMaskIsTheHullOfAllLandmarks() {
        Path crops = TestFaces.sampleCrops();
        FaceSet set = FaceSet.read(crops);
        assertEquals(set.size(), set.faceMasks().size());
        for (var frame : Alignments.read(crops.resolve(Alignments.FILE_NAME)).frames()) {
            for (FaceRecord face : frame.faces()) {
                Image mask = set.faceMasks().get(set.files().indexOf(crops.resolve(face.crop())));
                int inCrop = 0;
                for (int i = 0; i < 68; i++) {
                    Point2 p = face.matrix().apply(face.landmarks().get(i));
                    if (p.x() < 0 || p.y() < 0 || p.x() > mask.width() - 1 || p.y() > mask.height() - 1) {
                        continue; // a jaw point of a turned face may lie beyond the crop
                    }
                    inCrop++;
                    assertTrue(inside(mask, face, i), face.crop() + ": landmark " + i + " outside the face mask");
                }
                assertTrue(inCrop >= 60, face.crop() + ": only " + inCrop + " landmarks in the crop");
                int last = mask.width() - 1;
                for (int[] corner : new int[][] {{0, 0}, {last, 0}, {0, last}, {last, last}}) {
                    assertEquals(0, mask.get(corner[0], corner[1], 0), face.crop() + ": crop corner inside the face mask");
                }
                double covered = fraction(mask);
                assertTrue(covered > 0.2 && covered < 0.7, face.crop() + ": face mask covers " + covered);
            }
        }
    }

    /** The mask moves with the face through the augmentation: the target's eyes stay under it. */
    @Test
    void followsTheAugmentation() {
        FaceSet set = FaceSet.read(TestFaces.sampleCrops());
        FaceAugmenter augmenter = new FaceAugmenter(new Augmentation(10, 0.05, 0.05, 0.4, 5, 200), 64);
        float[] warped = new float[64 * 64 * 3];
        float[] target = new float[64 * 64 * 3];
        float[] eyes = new float[64 * 64];
        float[] plainWarped = new float[64 * 64 * 3];
        float[] plainTarget = new float[64 * 64 * 3];
        augmenter.augment(set.crops().get(0), set.eyeMasks().get(0), new Random(5), warped, target, eyes, 0);
        augmenter.augment(set.crops().get(0), new Random(5), plainWarped, plainTarget, 0);
        assertEquals(java.util.Arrays.hashCode(plainTarget), java.util.Arrays.hashCode(target), "same draws with or without a mask");
        double sum = 0;
        for (float e : eyes) {
            sum += e;
        }
        assertTrue(sum / eyes.length > 0.005 && sum / eyes.length < 0.1, "eye area " + sum / eyes.length);
    }

    private static boolean inside(Image mask, FaceRecord face, int landmark) {
        Point2 p = face.matrix().apply(face.landmarks().get(landmark));
        int x = (int) Math.round(p.x());
        int y = (int) Math.round(p.y());
        return x >= 0 && y >= 0 && x < mask.width() && y < mask.height() && mask.get(x, y, 0) != 0;
    }

    private static double fraction(Image mask) {
        int on = 0;
        for (byte b : mask.pixels()) {
            if (b != 0) {
                on++;
            }
        }
        return on / (double) mask.pixels().length;
    }
}
