package dev.faceswap4j.embedder.faceapi;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceEmbedderProvider;
import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.api.StageContext;
import dev.faceswap4j.djl.PyTorchEngines;
import dev.faceswap4j.djl.recognition.FaceRecognitionNet;
import dev.faceswap4j.toolkit.FaceRecognitionFiles;
import java.nio.file.Path;
import java.util.List;

/** Provider of {@code embedder = face-api}. */
public final class FaceApiEmbedderProvider implements FaceEmbedderProvider {

    @Override
    public String name() {
        return "face-api";
    }

    @Override
    public String description() {
        return "face recognition ResNet of @vladmandic/face-api (dlib's, 128-d descriptors), on DJL/PyTorch";
    }

    @Override
    public FaceEmbedder create(StageContext context) {
        Config settings = context.settings();
        Path manifest = context.modelFile("manifest");
        Engine engine = PyTorchEngines.pytorch();
        Device device = PyTorchEngines.device(engine, settings.getString("device"), context.settingsPath() + ".device");
        return PyTorchEngines.withOwnedManager(engine, device,
                manager -> new FaceApiEmbedder(manager, FaceRecognitionNet.load(manifest, manager), context.images()));
    }

    @Override
    public List<ModelFile> modelFiles() {
        return List.of(FaceRecognitionFiles.MANIFEST, FaceRecognitionFiles.WEIGHTS);
    }
}
