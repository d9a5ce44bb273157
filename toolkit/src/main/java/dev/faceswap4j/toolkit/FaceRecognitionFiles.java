package dev.faceswap4j.toolkit;

import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.api.ModelSource.NpmPackage;

/**
 * The files of face-api's face recognition ResNet: every plugin that runs the network (the face-api embedder,
 * faceswap-GAN's perceptual loss) declares them as its own model files. They are here, beside the api, so that
 * declaring them needs no other plugin's classes: {@code models list} and the model check work whichever plugin
 * folders are there.
 */
public final class FaceRecognitionFiles {

    private static final String NPM = "@vladmandic/face-api@1.7.15";
    private static final String NPM_URL = "https://registry.npmjs.org/@vladmandic/face-api/-/face-api-1.7.15.tgz";
    private static final String NPM_SHA256 = "0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031";
    private static final String LICENSE = "face-api (MIT), weights derived from dlib's face recognition ResNet";

    /** The network's TF.js manifest (layer names, shapes, quantisation): the file a setting names. */
    public static final ModelFile MANIFEST = new ModelFile("face-recognition-manifest", "face_recognition_model-weights_manifest.json",
            19615L, "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b",
            new NpmPackage(NPM, NPM_URL, NPM_SHA256, "package/model/face_recognition_model-weights_manifest.json"), LICENSE);
    /** The weights the manifest lists, read from beside it. */
    public static final ModelFile WEIGHTS = new ModelFile("face-recognition-weights", "face_recognition_model.bin",
            6444032L, "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589",
            new NpmPackage(NPM, NPM_URL, NPM_SHA256, "package/model/face_recognition_model.bin"), LICENSE);

    private FaceRecognitionFiles() {}
}
