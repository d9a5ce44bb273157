package dev.faceswap4j.detector.cnn;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceDetectorProvider;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.models.ModelStore;
import java.nio.file.Path;
import java.util.Set;

/** {@code detector = cnn}: MediaPipe BlazeFace (front 128 or back 256) on ONNX Runtime. */
public final class BlazeFaceProvider implements FaceDetectorProvider {

    @Override
    public String name() {
        return "cnn";
    }

    @Override
    public String description() {
        return "BlazeFace CNN on ONNX Runtime (CUDA when available)";
    }

    @Override
    public FaceDetector create(Config settings) {
        String variant = settings.getString("model");
        if (!Set.of("front", "back").contains(variant)) {
            throw new FaceswapException("faceswap4j.detectors.cnn.model must be front or back, got '" + variant + "'");
        }
        String device = settings.getString("device");
        if (!Set.of("auto", "cpu", "cuda").contains(device)) {
            throw new FaceswapException("faceswap4j.detectors.cnn.device must be auto, cpu or cuda, got '" + device + "'");
        }
        Path file = ModelStore.checkIfCatalogued(Path.of(settings.getString(variant + "-model")));
        int size = variant.equals("front") ? 128 : 256;
        return new BlazeFaceDetector(file, size, device, (float) settings.getDouble("threshold"), (float) settings.getDouble("nms-iou"),
                settings.getInt("tile"), settings.getBoolean("dlib-box"));
    }
}
