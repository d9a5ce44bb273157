package dev.faceswap4j.embedder.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.core.evaluate.EvaluationReport;
import dev.faceswap4j.core.evaluate.EvaluationSummary;
import dev.faceswap4j.core.evaluate.LandmarkParts;
import dev.faceswap4j.core.evaluate.SwapEvaluation;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.LandmarkHull;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import dev.faceswap4j.core.testing.DlibDetector;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.video.FrameRange;
import dev.faceswap4j.djl.PyTorchEngines;
import dev.faceswap4j.djl.recognition.FaceRecognitionNet;
import dev.faceswap4j.toolkit.FaceRecognitionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate}'s figures on real faces with known answers: a "swap" that is the source itself, one
 * that blurs only the face, and one that changes the person (a second photo).
 */
class SwapEvaluationTest {

    private static final int FRAMES = 6;

    @TempDir
    static Path root;

    private static NDManager manager;
    private static FaceApiEmbedder embedder;
    private static ShapePredictor predictor;
    private static Path source;
    private static Map<String, Path> people;

    @BeforeAll
    static void setUp() throws IOException {
        TestModels.require(FaceRecognitionFiles.WEIGHTS);
        manager = PyTorchEngines.pytorch().newBaseManager(Device.cpu());
        embedder = new FaceApiEmbedder(manager, FaceRecognitionNet.load(TestModels.require(FaceRecognitionFiles.MANIFEST), manager), OpenCvImages::cropResize);
        predictor = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68));
        // A moving "video": the woman of sample photo 2, shifted a few pixels per frame, as PNGs (lossless).
        Image photo = half(Images.readBgr(TestModels.samplePhoto(2)));
        source = Files.createDirectories(root.resolve("source"));
        for (int i = 0; i < FRAMES; i++) {
            OpenCvImages.writeImage(shift(photo, 3 * i), source.resolve(String.format(Locale.ROOT, "frame%03d.png", i)));
        }
        people = new LinkedHashMap<>();
        people.put("A", extract(source, "faces-a"));
        people.put("B", extract(single(3), "faces-b"));
        people.put("C", extract(single(1), "faces-c"));
    }

    @AfterAll
    static void close() {
        if (embedder != null) {
            embedder.close();
        }
    }

    @Test
    void theSourceItselfIsPerfectButShowsTheWrongPerson() throws IOException {
        SwapEvaluation.Result result = evaluate(source);
        EvaluationSummary s = result.summary();
        assertEquals(FRAMES, s.framePairs());
        assertEquals(1.0, s.faceFound());
        assertEquals(0.0, s.landmarks().landmarkError(), 1e-12);
        assertEquals(new LandmarkParts(0, 0, 0, 0, 0), s.landmarks().landmarkParts());
        assertEquals(0.0, s.landmarks().expressionError(), 1e-12, "the same landmarks move alike");
        assertEquals(100.0, s.pixels().psnrOutside());
        assertEquals(1.0, s.pixels().sharpnessRatio(), 1e-12);
        assertEquals(0.0, s.stability().jitter(), 1e-12);
        assertEquals(0.0, s.identity().idRetrieval(), "the unswapped face must not be retrieved as B");
        assertEquals(1.0, s.identity().sourceRetrievedAsSource(), "the source face is retrieved as A: the metric tells people apart");
        assertTrue(s.identity().swappedToSource() < 0.45 && s.identity().swappedToTarget() > 0.6, s.identity().swappedToSource() + " / " + s.identity().swappedToTarget());

        Path report = root.resolve("report");
        EvaluationReport.write(result, report);
        JsonNode json = new ObjectMapper().readTree(report.resolve(EvaluationReport.JSON).toFile());
        assertEquals(FRAMES, json.get("frames").size());
        assertTrue(json.get("frames").get(0).get("jitter").isNull(), "no previous frame: null, not NaN");
        assertEquals(0.0, json.get("summary").get("landmarkParts").get("mouth").asDouble(-1));
        assertTrue(Files.readString(report.resolve(EvaluationReport.MARKDOWN)).contains("| landmark error by part: jaw / brows / nose / eyes / mouth | 0.000 / 0.000 / 0.000 / 0.000 / 0.000 |"));
        assertTrue(Files.readString(report.resolve(EvaluationReport.MARKDOWN)).contains("| ID retrieval top-1 towards B | 0.000 |"));
        assertTrue(Files.size(report.resolve(EvaluationReport.PLOT)) > 10_000);
    }

    @Test
    void aBlurredFaceLosesSharpnessButNotTheBackground() throws IOException {
        Path blurred = Files.createDirectories(root.resolve("blurred"));
        try (var frames = Files.list(source)) {
            for (Path frame : frames.sorted().toList()) {
                OpenCvImages.writeImage(blurFace(Images.readBgr(frame)), blurred.resolve(frame.getFileName()));
            }
        }
        EvaluationSummary s = evaluate(blurred).summary();
        assertEquals(1.0, s.faceFound());
        assertEquals(100.0, s.pixels().psnrOutside(), "nothing changed outside the face");
        assertTrue(s.pixels().psnrInside() < 40, "inside " + s.pixels().psnrInside());
        assertTrue(s.pixels().sharpnessRatio() < 0.6, "sharpness ratio " + s.pixels().sharpnessRatio());
        assertTrue(s.landmarks().landmarkError() < 0.05, "landmark error " + s.landmarks().landmarkError());
        // The blur alone moves the soft outlines' landmarks (jaw, mouth: about 0.05 here) more than the eyes' and nose's.
        LandmarkParts parts = s.landmarks().landmarkParts();
        assertTrue(parts.eyes() < 0.03 && parts.nose() < 0.03, "parts " + parts);
        assertTrue(parts.mouth() > parts.eyes() && parts.jaw() > parts.nose(), "parts " + parts);
        assertTrue(s.stability().flickerRatio() < 1.2, "flicker ratio " + s.stability().flickerRatio());
    }

    /** The very bad swap evaluate exists to judge: no face left in any frame. It is a result, reported, not a crash. */
    @Test
    void aSwapWithoutFacesIsReportedWithFaceFoundZero() throws IOException {
        Path grey = Files.createDirectories(root.resolve("grey"));
        try (var frames = Files.list(source)) {
            for (Path frame : frames.sorted().toList()) {
                Image image = Images.readBgr(frame);
                byte[] pixels = new byte[image.pixels().length];
                java.util.Arrays.fill(pixels, (byte) 128);
                OpenCvImages.writeImage(new Image(image.width(), image.height(), ChannelOrder.BGR, pixels), grey.resolve(frame.getFileName()));
            }
        }
        SwapEvaluation.Result result = evaluate(grey);
        EvaluationSummary s = result.summary();
        assertEquals(FRAMES, s.sourceFaces());
        assertEquals(0.0, s.faceFound());
        assertTrue(Double.isNaN(s.landmarks().landmarkError()) && Double.isNaN(s.identity().idRetrieval()), "no swapped face, no figure: " + s);
        assertEquals(1.0, s.identity().sourceRetrievedAsSource(), "the source's own figures still stand");

        Path report = root.resolve("grey-report");
        EvaluationReport.write(result, report);
        JsonNode json = new ObjectMapper().readTree(report.resolve(EvaluationReport.JSON).toFile());
        assertEquals(0.0, json.get("summary").get("faceFound").asDouble(-1));
        assertTrue(json.get("summary").get("landmarkError").isNull());
        JsonNode landmarkBar = json.get("bars").get(1);
        assertEquals("landmark error", landmarkBar.get("name").asText());
        assertTrue(landmarkBar.get("value").isNull() && !landmarkBar.get("met").asBoolean(), landmarkBar.toString());
        String markdown = Files.readString(report.resolve(EvaluationReport.MARKDOWN));
        assertTrue(markdown.contains("| face found in the swapped frame | 0.000 |"), markdown);
        assertTrue(markdown.contains("| landmark error, 68 points (eye distances) | n/a |"), markdown);
        assertTrue(markdown.contains("6 of 6 bars missed: ID retrieval towards B n/a (bar >= 0.9) MISSED;"), markdown);
        assertTrue(Files.size(report.resolve(EvaluationReport.PLOT)) > 10_000);
    }

    /**
     * With the faces of three more photos in the gallery, B's place among everyone: behind A for A's own unswapped
     * face (rank 2 or more, margin below 0), first with a clear margin when the face is the target's.
     */
    @Test
    void theGalleryRanksTheTargetAmongEveryone() {
        List<Path> gallery = List.of(TestModels.samplePhoto(4), TestModels.samplePhoto(5), TestModels.samplePhoto(6));
        EvaluationSummary wrong = new SwapEvaluation(new DlibDetector(), predictor::predict, embedder, settings().withGallery(gallery))
                .run(source, FrameRange.ALL, source).summary();
        List<String> identities = wrong.subject().identities();
        assertTrue(identities.size() >= 6 && identities.contains("sample4#1") && identities.contains("sample6#1"), identities.toString());
        assertEquals(0.0, wrong.identity().idRetrieval());
        assertTrue(wrong.identity().targetRank() >= 2, "B's rank for A's face " + wrong.identity().targetRank());
        assertTrue(wrong.identity().targetMargin() < 0, "margin " + wrong.identity().targetMargin());

        SwapEvaluation.Settings towardA = new SwapEvaluation.Settings(people, "B", "A", 10, 1, false, gallery);
        EvaluationSummary right = new SwapEvaluation(new DlibDetector(), predictor::predict, embedder, towardA).run(source, FrameRange.ALL, source)
                .summary();
        assertEquals(1.0, right.identity().idRetrieval());
        assertEquals(1.0, right.identity().targetRank(), "A's own face: A first among " + identities.size());
        assertTrue(right.identity().targetMargin() > 0.1, "margin " + right.identity().targetMargin());
    }

    @Test
    void differentFrameCountsAreOneClearError() {
        FaceswapException e = assertThrows(FaceswapException.class,
                () -> new SwapEvaluation(new DlibDetector(), predictor::predict, embedder, settings()).run(source, FrameRange.parse("0:3"), source));
        assertTrue(e.getMessage().startsWith("different frame counts: "), e.getMessage());
    }

    private static SwapEvaluation.Result evaluate(Path swapped) {
        return new SwapEvaluation(new DlibDetector(), predictor::predict, embedder, settings()).run(source, FrameRange.ALL, swapped);
    }

    private static SwapEvaluation.Settings settings() {
        return new SwapEvaluation.Settings(people, "A", "B", 10, 1, false, List.of());
    }

    private static Path extract(Path input, String name) {
        Path out = root.resolve(name);
        new Extractor(DlibDetector::new, () -> predictor::predict, new Extractor.Settings(256, 48, 1, 0, true, false)).run(input, out);
        return out;
    }

    private static Path single(int photo) throws IOException {
        Path dir = Files.createDirectories(root.resolve("photo" + photo));
        Files.copy(TestModels.samplePhoto(photo), dir.resolve("sample" + photo + ".jpg"));
        return dir;
    }

    private static Image half(Image image) {
        return OpenCvImages.warpAffine(image, new Affine(0.5, 0, 0, 0, 0.5, 0), image.width() / 2, image.height() / 2);
    }

    private static Image shift(Image image, int pixels) {
        return OpenCvImages.warpAffine(image, new Affine(1, 0, pixels, 0, 1, pixels / 2.0), image.width(), image.height());
    }

    /** The frame with its face (landmark hull) blurred, every other pixel as it was. */
    private static Image blurFace(Image frame) {
        Detection face = new DlibDetector().detect(frame).stream().max(Comparator.comparingDouble(d -> d.box().area())).orElseThrow();
        Landmarks points = predictor.predict(frame, face.box());
        try (Mat image = OpenCvImages.toMat(frame); Mat blurred = new Mat(); Size kernel = new Size(0, 0);
                Mat mask = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC1, new Scalar(0))) {
            opencv_imgproc.GaussianBlur(image, blurred, kernel, 3.0);
            LandmarkHull.fill(mask, points, 0, 0);
            blurred.copyTo(image, mask);
            return OpenCvImages.toImage(image, ChannelOrder.BGR);
        }
    }
}
