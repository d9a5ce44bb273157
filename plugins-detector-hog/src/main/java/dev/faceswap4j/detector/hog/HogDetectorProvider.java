package dev.faceswap4j.detector.hog;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceDetectorProvider;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.models.ModelStore;
import java.nio.file.Path;

/** {@code detector = hog}: any dlib FHOG {@code .svm} detector, by default dlib's frontal face detector. */
public final class HogDetectorProvider implements FaceDetectorProvider {

    @Override
    public String name() {
        return "hog";
    }

    @Override
    public String description() {
        return "FHOG pyramid scanner running dlib .svm detectors (pure Java)";
    }

    @Override
    public FaceDetector create(Config settings) {
        Path model = ModelStore.checkIfCatalogued(Path.of(settings.getString("model")));
        int upsample = settings.getInt("upsample");
        int threads = settings.getInt("threads");
        int maxSize = settings.getInt("max-size");
        if (upsample < 0 || upsample > 3) {
            throw new FaceswapException("faceswap4j.detectors.hog.upsample must be 0..3, got " + upsample);
        }
        if (threads < 1) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        return new HogFaceDetector(FhogDetectorModel.load(model), upsample, settings.getDouble("threshold"), maxSize, threads);
    }
}
