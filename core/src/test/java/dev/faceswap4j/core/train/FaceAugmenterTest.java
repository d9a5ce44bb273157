package dev.faceswap4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.toolkit.RgbFloats;
import dev.faceswap4j.core.testing.TestFaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The training augmentation on real aligned faces. */
class FaceAugmenterTest {

    private static final int FACE = 64;
    private static final int STRIDE = FACE * FACE * 3;
    private static FaceSet faces;

    @BeforeAll
    static void extract() {
        faces = FaceSet.read(TestFaces.sampleCrops());
    }

    @Test
    void withoutJitterTheWarpedFaceIsTheTarget() {
        FaceAugmenter augmenter = new FaceAugmenter(new Augmentation(10, 0.05, 0.05, 0.4, 0, 200), FACE);
        Random random = new Random(1);
        double sum = 0;
        double max = 0;
        for (Image crop : faces.crops()) {
            float[] warped = new float[STRIDE];
            float[] target = new float[STRIDE];
            augmenter.augment(crop, random, warped, target, 0);
            for (int i = 0; i < STRIDE; i++) {
                double d = Math.abs(warped[i] - target[i]);
                sum += d;
                max = Math.max(max, d);
            }
        }
        double mean = sum / (STRIDE * faces.size());
        // remap and warpAffine sample the same points; both round coordinates to 1/32 px.
        assertTrue(mean < 0.5 / 255, "mean |warped - target| = " + mean * 255 + " levels");
        assertTrue(max <= 4 / 255.0, "max |warped - target| = " + max * 255 + " levels");
    }

    @Test
    void withoutAugmentationTheTargetIsTheCentralSquare() {
        FaceAugmenter augmenter = new FaceAugmenter(Augmentation.none(200), FACE);
        Image crop = faces.crops().get(0);
        float[] warped = new float[STRIDE];
        float[] target = new float[STRIDE];
        augmenter.augment(crop, new Random(2), warped, target, 0);
        float[] expected = new float[STRIDE];
        RgbFloats.write(augmenter.face(crop), expected, 0);
        double sum = 0;
        for (int i = 0; i < STRIDE; i++) {
            sum += Math.abs(expected[i] - target[i]);
        }
        assertTrue(sum / STRIDE < 0.5 / 255, "mean difference to the central square " + sum / STRIDE * 255 + " levels");
    }

    @Test
    void batchesOfRealFacesHaveSanePixelStatistics() {
        FaceAugmenter augmenter = new FaceAugmenter(new Augmentation(10, 0.05, 0.05, 0.4, 5, 200), FACE);
        try (BatchFeeder feeder = new BatchFeeder("test", faces, augmenter, 16, 2, 7, 0)) {
            for (int n = 0; n < 3; n++) {
                FaceBatch batch = feeder.next();
                assertEquals(16, batch.size());
                Stats warped = Stats.of(batch.warped());
                Stats target = Stats.of(batch.target());
                // Faces: mid-range mean, real contrast, nothing outside [0, 1].
                assertTrue(target.mean > 0.2 && target.mean < 0.8, "target mean " + target.mean);
                assertTrue(target.std > 0.1, "target std " + target.std);
                assertTrue(target.min >= 0 && target.max <= 1, "target range " + target.min + ".." + target.max);
                assertEquals(target.mean, warped.mean, 0.03, "the warp moves pixels, it does not change their level");
                double moved = 0;
                for (int i = 0; i < batch.warped().length; i++) {
                    moved += Math.abs(batch.warped()[i] - batch.target()[i]);
                }
                moved /= batch.warped().length;
                assertTrue(moved > 0.01, "warped input too close to its target: " + moved);
            }
        }
    }

    /**
     * Batch k depends on the seed and k only: two feeders with four threads (which finish in any order) hand out the
     * same batches, a feeder started at batch 3 (a resumed run) continues them exactly, and rewinding replays them.
     */
    @Test
    void batchesAreAFunctionOfSeedAndIndexWhateverTheThreads() {
        FaceAugmenter augmenter = new FaceAugmenter(new Augmentation(10, 0.05, 0.05, 0.4, 5, 200), FACE);
        List<FaceBatch> first = new ArrayList<>();
        try (BatchFeeder one = new BatchFeeder("one", faces, augmenter, 4, 4, 11, 0)) {
            for (int n = 0; n < 6; n++) {
                first.add(one.next());
            }
            one.rewind(2);
            assertArrayEquals(first.get(2).warped(), one.next().warped(), "rewound to batch 2");
        }
        try (BatchFeeder other = new BatchFeeder("other", faces, augmenter, 4, 1, 11, 0);
                BatchFeeder resumed = new BatchFeeder("resumed", faces, augmenter, 4, 3, 11, 3);
                BatchFeeder otherSeed = new BatchFeeder("other seed", faces, augmenter, 4, 2, 12, 0)) {
            for (int n = 0; n < 6; n++) {
                FaceBatch batch = other.next();
                assertArrayEquals(first.get(n).warped(), batch.warped(), "batch " + n);
                assertArrayEquals(first.get(n).target(), batch.target(), "batch " + n);
                if (n >= 3) {
                    assertArrayEquals(first.get(n).warped(), resumed.next().warped(), "resumed batch " + n);
                }
            }
            assertFalse(java.util.Arrays.equals(first.get(0).warped(), otherSeed.next().warped()), "another seed, other batches");
        }
    }

    @Test
    void flipsAboutFortyPercent() {
        FaceAugmenter flipOnly = new FaceAugmenter(new Augmentation(0, 0, 0, 0.4, 0, 200), FACE);
        FaceAugmenter never = new FaceAugmenter(Augmentation.none(200), FACE);
        Image crop = faces.crops().get(0);
        float[] plain = new float[STRIDE];
        never.augment(crop, new Random(0), new float[STRIDE], plain, 0);
        Random random = new Random(3);
        int flipped = 0;
        int n = 300;
        for (int i = 0; i < n; i++) {
            float[] target = new float[STRIDE];
            flipOnly.augment(crop, random, new float[STRIDE], target, 0);
            double diff = 0;
            for (int k = 0; k < STRIDE; k++) {
                diff += Math.abs(target[k] - plain[k]);
            }
            if (diff / STRIDE > 0.01) {
                flipped++;
            }
        }
        assertEquals(0.4, flipped / (double) n, 0.08, flipped + " of " + n + " flipped");
    }

    private record Stats(double mean, double std, double min, double max) {
        static Stats of(float[] values) {
            double sum = 0, sq = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
            for (float v : values) {
                sum += v;
                sq += v * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / values.length;
            return new Stats(mean, Math.sqrt(sq / values.length - mean * mean), min, max);
        }
    }
}
