package dev.faceswap4j.core.landmarks;

import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.api.LandmarkPredictorProvider;
import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.api.ModelSource.DebianPackage;
import dev.faceswap4j.api.StageContext;
import java.util.List;

/** {@code landmarks = dlib}: dlib's ERT shape predictor, 68 points by default. */
public final class DlibLandmarkPredictorProvider implements LandmarkPredictorProvider {

    /** dlib's 68-point model, from Debian's libdlib-data. */
    public static final ModelFile SHAPE_PREDICTOR_68 = new ModelFile("dlib-shape-predictor-68", "shape_predictor_68_face_landmarks.dat",
            99693937L, "fbdc2cb80eb9aa7a758672cbfdda32ba6300efe9b6e6c7a299ff7e736b11b92f",
            new DebianPackage("libdlib-data 19.24+dfsg-1", "http://deb.debian.org/debian/pool/main/d/dlib/libdlib-data_19.24+dfsg-1_all.deb",
                    "12dda15b1323ca7772bd9cae31f2b839485b36f51b1fe51707a272b94b71c106",
                    "usr/share/dlib/shape_predictor_68_face_landmarks.dat"),
            "dlib model trained on iBUG 300-W; the data's license excludes commercial use");

    @Override
    public String name() {
        return "dlib";
    }

    @Override
    public String description() {
        return "dlib ensemble-of-regression-trees shape predictor (pure Java, dlib-exact)";
    }

    @Override
    public LandmarkPredictor create(StageContext context) {
        ShapePredictor predictor = ShapePredictor.load(context.modelFile("model"));
        return predictor::predict;
    }

    @Override
    public List<ModelFile> modelFiles() {
        return List.of(SHAPE_PREDICTOR_68);
    }
}
