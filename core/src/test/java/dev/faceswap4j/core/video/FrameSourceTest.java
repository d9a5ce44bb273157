package dev.faceswap4j.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import dev.faceswap4j.core.testing.DlibDetector;
import dev.faceswap4j.core.testing.TestData;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.testing.TestVideos;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * A phone's clip (pixels stored sideways, rotate=90) of a real face decodes upright: the frames have the upright
     * size, differ from the upright photo by the codec's loss only, and dlib's HOG, which finds upright faces only,
     * finds the face (it found none in the sideways frames).
     */
    @Test
    void aPhoneClipStoredSidewaysIsReadUpright() throws Exception {
        Image photo = Images.readBgr(TestModels.samplePhoto(2));
        int width = 240;
        int height = 320;
        Rect face = new DlibDetector().detect(photo).get(0).box();
        int regionWidth = (int) Math.min(2 * face.width(), Math.min(photo.width(), photo.height() * width / height));
        int regionHeight = regionWidth * height / width;
        int x = (int) Math.max(0, Math.min(photo.width() - regionWidth, face.x() + face.width() / 2 - regionWidth / 2.0));
        int y = (int) Math.max(0, Math.min(photo.height() - regionHeight, face.y() + face.height() / 2 - regionHeight / 2.0));
        Image upright = OpenCvImages.cropResize(photo, x, y, regionWidth, regionHeight, width, height);
        Path clip = TestVideos.phoneClip(dir.resolve("phone.mp4"), 3, 10, i -> upright);
        try (FrameSource source = FrameSource.open(clip)) {
            Frame frame = source.next();
            assertEquals(List.of(width, height), List.of(frame.image().width(), frame.image().height()), "upright size");
            double difference = meanAbsoluteDifference(upright, frame.image());
            assertTrue(difference < 8, "mean difference from the upright photo " + difference);
            assertEquals(1, new DlibDetector().detect(frame.image()).size(), "HOG finds the upright face");
        }
    }

    /** --frames past a short clip's end says so, with the clip's length, instead of "no face found (0 frames)". */
    @Test
    void framesPastTheEndAreOneClearError() throws Exception {
        Image grey = new Image(64, 48, ChannelOrder.BGR, new byte[64 * 48 * 3]);
        Path clip = TestVideos.withAudio(dir.resolve("short.mp4"), 12, 10, i -> grey);
        FaceswapException e = assertThrows(FaceswapException.class, () -> FrameSource.open(clip, FrameRange.parse("500:600")));
        assertEquals("frames 500:600 start past the end of " + clip + " (12 frames)", e.getMessage());
    }

    private static double meanAbsoluteDifference(Image a, Image b) {
        long sum = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            sum += Math.abs((a.pixels()[i] & 0xff) - (b.pixels()[i] & 0xff));
        }
        return (double) sum / a.pixels().length;
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
