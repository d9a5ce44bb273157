package dev.faceswap4j.embedder.faceapi;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceEmbedderProvider;
import dev.faceswap4j.djl.PyTorchEngines;
import java.nio.file.Path;

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
    public FaceEmbedder create(Config settings) {
        Engine engine = PyTorchEngines.pytorch();
        Device device = PyTorchEngines.device(engine, settings.getString("device"), "faceswap4j.embedders.face-api.device");
        return PyTorchEngines.withOwnedManager(engine, device,
                manager -> new FaceApiEmbedder(manager, FaceRecognitionNet.load(Path.of(settings.getString("manifest")), manager)));
    }
}
