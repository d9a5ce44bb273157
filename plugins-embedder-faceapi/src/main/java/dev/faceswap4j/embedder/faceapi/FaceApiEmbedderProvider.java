package dev.faceswap4j.embedder.faceapi;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceEmbedderProvider;
import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.api.ModelSource.NpmPackage;
import dev.faceswap4j.api.StageContext;
import dev.faceswap4j.djl.PyTorchEngines;
import java.nio.file.Path;
import java.util.List;

/** Provider of {@code embedder = face-api}. */
public final class FaceApiEmbedderProvider implements FaceEmbedderProvider {

    private static final String NPM = "@vladmandic/face-api@1.7.15";
    private static final String NPM_URL = "https://registry.npmjs.org/@vladmandic/face-api/-/face-api-1.7.15.tgz";
    private static final String NPM_SHA256 = "0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031";
    private static final String LICENSE = "face-api (MIT), weights derived from dlib's face recognition ResNet";

    /** The network's TF.js manifest (layer names, shapes, quantisation); {@code manifest} points at it. */
    public static final ModelFile MANIFEST = new ModelFile("face-recognition-manifest", "face_recognition_model-weights_manifest.json",
            19615L, "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b",
            new NpmPackage(NPM, NPM_URL, NPM_SHA256, "package/model/face_recognition_model-weights_manifest.json"), LICENSE);
    /** The weights the manifest lists, read from beside it. */
    public static final ModelFile WEIGHTS = new ModelFile("face-recognition-weights", "face_recognition_model.bin",
            6444032L, "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589",
            new NpmPackage(NPM, NPM_URL, NPM_SHA256, "package/model/face_recognition_model.bin"), LICENSE);

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
        return List.of(MANIFEST, WEIGHTS);
    }
}
