package dev.faceswap4j.core.testing;

import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Aligned 256/48 crops of the real faces in the sample photos, extracted once per test JVM with dlib's
 * own detector and our landmark predictor (no detector plugin needed).
 */
public final class TestFaces {

    private static Path crops;

    private TestFaces() {}

    /** A folder of aligned crops (with {@code alignments.json}) of photos 1..6, about 20 faces. */
    public static synchronized Path sampleCrops() {
        if (crops != null) {
            return crops;
        }
        try {
            Path root = Files.createTempDirectory("faceswap4j-test-faces");
            Path photos = Files.createDirectories(root.resolve("photos"));
            for (int n = 1; n <= 6; n++) {
                Files.copy(TestModels.samplePhoto(n), photos.resolve("sample" + n + ".jpg"));
            }
            ShapePredictor predictor = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68));
            Extractor extractor = new Extractor(DlibDetector::new, () -> predictor::predict, new Extractor.Settings(256, 48, 1, 0, false, false));
            Path faces = root.resolve("faces");
            extractor.run(photos, faces);
            crops = faces;
            return faces;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
