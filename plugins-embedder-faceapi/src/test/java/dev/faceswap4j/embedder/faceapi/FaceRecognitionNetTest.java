package dev.faceswap4j.embedder.faceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import dev.faceswap4j.core.testing.DlibDetector;
import dev.faceswap4j.core.testing.TestData;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.train.FaceSet;
import dev.faceswap4j.djl.PyTorchEngines;
import dev.faceswap4j.djl.recognition.FaceRecognitionNet;
import dev.faceswap4j.toolkit.FaceRecognitionFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DJL port of face-api's recognition ResNet against face-api itself, and against who is who. */
class FaceRecognitionNetTest {

    private static final String[] CHIPS = {"sample1-face0.png", "sample2-face0.png", "sample5-face2.png"};

    private static NDManager manager;
    private static FaceApiEmbedder embedder;

    @BeforeAll
    static void load() {
        TestModels.require(FaceRecognitionFiles.WEIGHTS);
        Path manifest = TestModels.require(FaceRecognitionFiles.MANIFEST);
        manager = PyTorchEngines.pytorch().newBaseManager(Device.cpu());
        embedder = new FaceApiEmbedder(manager, FaceRecognitionNet.load(manifest, manager), OpenCvImages::cropResize);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    /**
     * chips/face-api-descriptors.json holds face-api 1.7.15's own descriptors of the chips (TF.js CPU
     * backend; regenerate with bench/face-api-reference/embed.cjs).
     */
    @Test
    void descriptorsEqualFaceApisWithin1e4() throws IOException {
        JsonNode reference;
        try (InputStream in = getClass().getResourceAsStream("/chips/face-api-descriptors.json")) {
            reference = new ObjectMapper().readTree(in).path("descriptors");
        }
        List<Image> chips = new ArrayList<>();
        for (String chip : CHIPS) {
            chips.add(Images.readBgr(resource("/chips/" + chip)));
        }
        List<float[]> descriptors = embedder.embed(chips);
        for (int i = 0; i < CHIPS.length; i++) {
            JsonNode expected = reference.path(CHIPS[i]);
            assertEquals(128, expected.size(), CHIPS[i]);
            double worst = 0;
            for (int d = 0; d < 128; d++) {
                worst = Math.max(worst, Math.abs(descriptors.get(i)[d] - expected.get(d).asDouble()));
            }
            System.out.printf("%s: largest difference to face-api %.2e%n", CHIPS[i], worst);
            assertTrue(worst < 1e-4, CHIPS[i] + ": differs from face-api's descriptor by " + worst);
        }
    }

    /** Faces of the same singer (frames of one clip) are closer than faces of different people. */
    @Test
    void samePersonIsCloserThanDifferentPeople(@TempDir Path temp) throws IOException {
        var singer = TestData.sharedVideo("nggyup.mp4");
        var dancers = TestData.sharedVideo("dirtydancing.mp4");
        assumeTrue(singer.isPresent() && dancers.isPresent(), TestData.missingMessage("nggyup.mp4 / dirtydancing.mp4"));
        List<float[]> a = embedder.embed(chips(singer.get(), temp.resolve("a")));
        List<float[]> b = embedder.embed(chips(dancers.get(), temp.resolve("b")));
        double same = 0;
        int pairs = 0;
        double closestOther = Double.MAX_VALUE;
        for (int i = 0; i < a.size(); i++) {
            for (int j = i + 1; j < a.size(); j++) {
                same += distance(a.get(i), a.get(j));
                pairs++;
            }
            for (float[] other : b) {
                closestOther = Math.min(closestOther, distance(a.get(i), other));
            }
        }
        same /= pairs;
        System.out.printf("singer: %d chips, mean distance within %.3f; closest to another person %.3f%n", a.size(), same, closestOther);
        assertTrue(a.size() >= 5, "too few singer faces: " + a.size());
        assertTrue(same < 0.6, "same person's faces are " + same + " apart (dlib's same-person threshold is 0.6)");
        assertTrue(closestOther > same, "another person (" + closestOther + ") is closer than the singer's own faces (" + same + ")");
    }

    @Test
    void differentPeopleOfTheSamplePhotosAreFarApart() throws IOException {
        List<Image> chips = new ArrayList<>();
        for (String chip : CHIPS) {
            chips.add(Images.readBgr(resource("/chips/" + chip)));
        }
        List<float[]> d = embedder.embed(chips);
        for (int i = 0; i < d.size(); i++) {
            for (int j = i + 1; j < d.size(); j++) {
                assertTrue(distance(d.get(i), d.get(j)) > 0.6, CHIPS[i] + " vs " + CHIPS[j] + ": " + distance(d.get(i), d.get(j)));
            }
        }
    }

    /** dlib-style chips (150 px, padding 25) of the largest face of every 40th frame of a clip. */
    private static List<Image> chips(Path video, Path out) {
        ShapePredictor predictor = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68));
        new Extractor(DlibDetector::new, () -> predictor::predict, new Extractor.Settings(150, 25, 40, 0, true, false)).run(video, out);
        return FaceSet.read(out).crops();
    }

    private static double distance(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - y[i]) * (double) (x[i] - y[i]);
        }
        return Math.sqrt(sum);
    }

    private Path resource(String name) throws IOException {
        Path file = Files.createTempFile("chip", ".png");
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        file.toFile().deleteOnExit();
        return file;
    }
}
