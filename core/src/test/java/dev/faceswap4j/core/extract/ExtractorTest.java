package dev.faceswap4j.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.core.align.MeanFace;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.face.FaceRecord;
import dev.faceswap4j.core.face.FrameRecord;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import dev.faceswap4j.core.testing.DlibDetector;
import dev.faceswap4j.core.testing.DlibReference;
import dev.faceswap4j.core.testing.TestData;
import dev.faceswap4j.core.testing.TestImages;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.video.FrameRange;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction of the real sample photos, with dlib's own boxes standing in for a detector plugin. */
class ExtractorTest {

    private static final Extractor.Settings SETTINGS = new Extractor.Settings(256, 48, 1, 0, false, false);
    private static ShapePredictor predictor;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        predictor = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68));
    }

    private static Supplier<LandmarkPredictor> landmarks() {
        return () -> predictor::predict;
    }

    private Path photos(int... samples) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        for (int n : samples) {
            Files.copy(TestModels.samplePhoto(n), folder.resolve("sample" + n + ".jpg"));
        }
        return folder;
    }

    @Test
    void extractsEveryFaceAndReusesTheAlignmentsOnARerun() throws Exception {
        Path input = photos(1, 2);
        Path faces = dir.resolve("faces");
        int dlibFaces = DlibReference.run(Images.readBgr(input.resolve("sample1.jpg")), 0, 0).faces().size()
                + DlibReference.run(Images.readBgr(input.resolve("sample2.jpg")), 0, 0).faces().size();

        Extractor.Summary summary = new Extractor(DlibDetector::new, landmarks(), SETTINGS).run(input, faces);
        assertEquals(2, summary.frames());
        assertEquals(dlibFaces, summary.faces());
        assertFalse(summary.reused());

        Alignments alignments = Alignments.read(faces.resolve(Alignments.FILE_NAME));
        assertEquals(dlibFaces, alignments.faceCount());
        double[] mean = MeanFace.unitPoints();
        for (FrameRecord frame : alignments.frames()) {
            double previousX = -1;
            for (FaceRecord face : frame.faces()) {
                assertTrue(face.box().x() >= previousX, "faces are indexed left to right");
                previousX = face.box().x();
                BufferedImage crop = ImageIO.read(faces.resolve(face.crop()).toFile());
                assertEquals(256, crop.getWidth());
                assertEquals(256, crop.getHeight());
                assertEquals(68, face.landmarks().size());
                double sum = 0;
                for (int i = 0; i < MeanFace.POINTS; i++) {
                    Point2 mapped = face.matrix().apply(face.landmarks().get(MeanFace.FIRST_LANDMARK + i));
                    sum += mapped.distanceTo(new Point2(48 + 160 * mean[2 * i], 48 + 160 * mean[2 * i + 1]));
                }
                assertTrue(sum / MeanFace.POINTS < 12, "face " + face.crop() + " lies " + sum / MeanFace.POINTS + " px off the mean face");
            }
        }
        try (Stream<Path> files = Files.list(faces)) {
            assertEquals(dlibFaces + 1, files.count(), "crops and alignments.json, nothing else");
        }

        Supplier<FaceDetector> mustNotDetect = () -> {
            throw new AssertionError("detected again instead of reusing alignments.json");
        };
        Supplier<LandmarkPredictor> mustNotPredict = () -> {
            throw new AssertionError("predicted landmarks again instead of reusing alignments.json");
        };
        Extractor.Summary rerun = new Extractor(mustNotDetect, mustNotPredict, SETTINGS).run(input, faces);
        assertTrue(rerun.reused());
        assertEquals(dlibFaces, rerun.faces());
    }

    @Test
    void aRerunWithOtherSettingsReplacesTheEarlierCrops() throws Exception {
        Path input = photos(2, 6);
        Path faces = dir.resolve("faces");
        new Extractor(DlibDetector::new, landmarks(), SETTINGS).run(input, faces);
        Extractor.Summary everyOther = new Extractor(DlibDetector::new, landmarks(), new Extractor.Settings(256, 48, 2, 0, false, false))
                .run(input, faces);
        assertEquals(1, everyOther.frames());
        try (Stream<Path> files = Files.list(faces)) {
            assertEquals(everyOther.faces() + 1, files.count(), "only this run's crops and alignments.json");
        }
    }

    @Test
    void neverMixesFacesOfAnotherInput() throws Exception {
        Path input = photos(3);
        Path faces = dir.resolve("faces");
        new Extractor(DlibDetector::new, landmarks(), SETTINGS).run(input, faces);
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.copy(TestModels.samplePhoto(4), other.resolve("x.jpg"));
        FaceswapException e = assertThrows(FaceswapException.class,
                () -> new Extractor(DlibDetector::new, landmarks(), SETTINGS).run(other, faces));
        assertTrue(e.getMessage().startsWith(faces + " already holds faces extracted from " + input.toAbsolutePath()), e.getMessage());

        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        e = assertThrows(FaceswapException.class, () -> new Extractor(DlibDetector::new, landmarks(), SETTINGS).run(input, foreign));
        assertEquals("output folder " + foreign + " is not empty and holds no alignments.json; choose an empty or new folder", e.getMessage());
    }

    @Test
    void noFaceAnywhereFailsAndLeavesNothing() throws Exception {
        Path input = Files.createDirectories(dir.resolve("blank"));
        ImageIO.write(new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR), "png", input.resolve("blank.png").toFile());
        Path faces = dir.resolve("faces");
        FaceswapException e = assertThrows(FaceswapException.class,
                () -> new Extractor(DlibDetector::new, landmarks(), SETTINGS).run(input, faces));
        assertEquals("no face found in " + input + " (1 frames looked at)", e.getMessage());
        assertFalse(Files.exists(faces), "no output folder left behind");
    }

    @Test
    void tinyFacesAreSkipped() throws Exception {
        Path input = photos(5);
        Extractor.Settings onlyHuge = new Extractor.Settings(256, 48, 1, 5000, false, false);
        FaceswapException e = assertThrows(FaceswapException.class,
                () -> new Extractor(DlibDetector::new, landmarks(), onlyHuge).run(input, dir.resolve("faces")));
        assertTrue(e.getMessage().startsWith("no face found in"), e.getMessage());
    }

    @Test
    void badInputsAreOneLine() throws Exception {
        Extractor extractor = new Extractor(DlibDetector::new, landmarks(), SETTINGS);
        Path missing = dir.resolve("missing.mp4");
        assertEquals("input not found: " + missing,
                assertThrows(FaceswapException.class, () -> extractor.run(missing, dir.resolve("a"))).getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals("input folder " + empty + " holds no images (.jpg, .jpeg, .png, .bmp)",
                assertThrows(FaceswapException.class, () -> extractor.run(empty, dir.resolve("b"))).getMessage());
        Path corrupt = dir.resolve("corrupt.mp4");
        Files.write(corrupt, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 1, 2, 3, 4, 5, 6, 7, 8});
        assertTrue(assertThrows(FaceswapException.class, () -> extractor.run(corrupt, dir.resolve("c"))).getMessage()
                .startsWith("cannot read video " + corrupt + ": "));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertTrue(assertThrows(FaceswapException.class, () -> extractor.run(photos(6), file.resolve("faces"))).getMessage()
                .startsWith("cannot create output folder " + file.resolve("faces")));
        assertThrows(FaceswapException.class, () -> new Extractor.Settings(256, 48, 0, 0, false, false));
    }

    @Test
    void grayAndColourImagesGiveTheSameLandmarks() throws Exception {
        Image colour = Images.readBgr(TestModels.samplePhoto(1));
        Image grayImage = TestImages.gray(colour);
        var box = DlibReference.run(colour, 0, 0).faces().get(0).box();
        assertEquals(predictor.predict(colour, box), predictor.predict(grayImage, box));
        List<Point2> inside = predictor.predict(colour, box).points();
        assertTrue(inside.stream().allMatch(p -> p.x() > box.x() - box.width() && p.x() < box.right() + box.width()));
    }

    @Test
    void aTrackKeepsItsIdThroughFramesTheDetectorMisses() throws Exception {
        Optional<Path> clip = TestData.sharedVideo("woman-talking.mp4");
        assumeTrue(clip.isPresent(), TestData.missingMessage("woman-talking.mp4"));
        // dlib's boxes, except in frames 3 and 4 where this detector finds nothing (a blink of a real detector).
        Supplier<FaceDetector> blinking = () -> {
            DlibDetector dlib = new DlibDetector();
            int[] frame = {-1};
            return image -> ++frame[0] == 3 || frame[0] == 4 ? List.of() : dlib.detect(image);
        };
        Extractor.Settings settings = new Extractor.Settings(256, 48, 1, 0, false, false, FrameRange.parse("0:8"), null, false);
        Path faces = dir.resolve("faces");
        new Extractor(blinking, landmarks(), settings).run(clip.get(), faces);

        List<FrameRecord> frames = Alignments.read(faces.resolve(Alignments.FILE_NAME)).frames();
        assertEquals(List.of(0, 1, 2, 5, 6, 7), frames.stream().filter(f -> !f.faces().isEmpty()).map(FrameRecord::frame).toList());
        Set<Integer> tracks = frames.stream().flatMap(f -> f.faces().stream()).map(FaceRecord::track).collect(Collectors.toSet());
        assertEquals(1, tracks.size(), "one track before and after the missed frames: " + tracks);
    }
}
