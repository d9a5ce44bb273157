package dev.faceswap4j.core.landmarks;

import com.typesafe.config.Config;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.api.LandmarkPredictorProvider;
import dev.faceswap4j.core.models.ModelStore;
import java.nio.file.Path;

/** {@code landmarks = dlib}: dlib's ERT shape predictor, 68 points by default. */
public final class DlibLandmarkPredictorProvider implements LandmarkPredictorProvider {

    @Override
    public String name() {
        return "dlib";
    }

    @Override
    public String description() {
        return "dlib ensemble-of-regression-trees shape predictor (pure Java, dlib-exact)";
    }

    @Override
    public LandmarkPredictor create(Config settings) {
        Path model = ModelStore.checkIfCatalogued(Path.of(settings.getString("model")));
        ShapePredictor predictor = ShapePredictor.load(model);
        return predictor::predict;
    }
}
