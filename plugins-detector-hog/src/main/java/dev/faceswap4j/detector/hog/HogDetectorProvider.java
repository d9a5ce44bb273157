package dev.faceswap4j.detector.hog;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceDetectorProvider;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.api.ModelSource.DlibExport;
import dev.faceswap4j.api.StageContext;
import java.nio.file.Path;
import java.util.List;

/** {@code detector = hog}: any dlib FHOG {@code .svm} detector, by default dlib's frontal face detector. */
public final class HogDetectorProvider implements FaceDetectorProvider {

    /** dlib's frontal face detector, written out by a small program built against libdlib-dev. */
    public static final ModelFile FRONTAL_FACE_DETECTOR = new ModelFile("dlib-frontal-face-detector", "frontal_face_detector.svm",
            155005L, "f3f7aa833fb4a14a46fc48689f45b98d85ef72d6dfaf8bdc012b7d3c522a5426",
            new DlibExport(HogDetectorProvider.class, "export_frontal_face_detector.cpp"), "dlib, Boost Software License 1.0");

    @Override
    public String name() {
        return "hog";
    }

    @Override
    public String description() {
        return "FHOG pyramid scanner running dlib .svm detectors (pure Java)";
    }

    @Override
    public FaceDetector create(StageContext context) {
        Config settings = context.settings();
        Path model = context.modelFile("model");
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

    @Override
    public List<ModelFile> modelFiles() {
        return List.of(FRONTAL_FACE_DETECTOR);
    }
}
