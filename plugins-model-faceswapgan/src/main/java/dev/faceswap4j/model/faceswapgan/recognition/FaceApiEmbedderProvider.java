package dev.faceswap4j.model.faceswapgan.recognition;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceEmbedderProvider;
import dev.faceswap4j.model.autoencoder.PyTorchEngines;
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
        NDManager manager = engine.newBaseManager(PyTorchEngines.device(engine, settings.getString("device"),
                "faceswap4j.embedders.face-api.device"));
        try {
            return new FaceApiEmbedder(manager, FaceRecognitionNet.load(Path.of(settings.getString("manifest")), manager));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
