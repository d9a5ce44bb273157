package dev.faceswap4j.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import dev.faceswap4j.core.testing.DlibDetector;
import dev.faceswap4j.core.testing.TestData;
import dev.faceswap4j.core.testing.TestModels;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FFmpeg decoding of the real 720p clip, and extraction from it (skipped where the clip is absent). */
class FrameSourceTest {

    @TempDir
    Path dir;

    private static Path clip() {
        Optional<Path> clip = TestData.sharedVideo("nggyup.mp4");
        assumeTrue(clip.isPresent(), TestData.missingMessage("nggyup.mp4"));
        return clip.get();
    }

    @Test
    void decodesEveryFrameOfARealVideo() {
        try (FrameSource source = FrameSource.open(clip())) {
            assertEquals(289, source.frameCount());
            assertEquals(30.0, source.frameRate(), 0.1);
            int frames = 0;
            long sum = 0;
            for (Frame frame; (frame = source.next()) != null; ) {
                assertEquals(frames, frame.index());
                assertEquals(1280, frame.image().width());
                assertEquals(720, frame.image().height());
                sum += frame.image().get(640, 360, 1);
                frames++;
            }
            assertEquals(289, frames);
            assertTrue(sum > 0, "decoded frames are not black");
        }
    }

    @Test
    void extractsTheSingerEveryFortyEighthFrame() {
        ShapePredictor predictor = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68));
        LandmarkPredictor landmarks = predictor::predict;
        Extractor.Summary summary = new Extractor(DlibDetector::new, () -> landmarks, new Extractor.Settings(256, 48, 48, 80, false, false))
                .run(clip(), dir.resolve("faces"));
        System.out.println("extract nggyup.mp4 every 48th frame (dlib boxes): " + summary.describe() + "; per frame: " + summary.perFrame());
        assertEquals(7, summary.frames());
        assertTrue(summary.faces() >= 6, summary.describe());
        Alignments alignments = Alignments.read(dir.resolve("faces").resolve(Alignments.FILE_NAME));
        assertEquals(0, alignments.frames().get(0).frame());
        assertEquals(288, alignments.frames().get(6).frame());
        assertTrue(alignments.frames().get(6).faces().get(0).crop().equals("nggyup_000288_0.png"));
    }
}
