package dev.faceswap4j.core.plugin;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.ImageOps;
import dev.faceswap4j.api.StageContext;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.models.ModelCatalog;
import dev.faceswap4j.core.models.ModelStore;
import java.nio.file.Path;

/** The {@link StageContext} core gives a provider: its settings, model files checked against the catalog, OpenCV. */
public record HostStageContext(Config settings, String settingsPath, ModelCatalog catalog) implements StageContext {

    private static final ImageOps OPENCV = OpenCvImages::cropResize;

    @Override
    public Path modelFile(String key) {
        if (!settings.hasPath(key)) {
            throw new FaceswapException("missing setting " + settingsPath + "." + key + " (the model file)");
        }
        return ModelStore.checkIfCatalogued(Path.of(settings.getString(key)), settingsPath + "." + key, catalog);
    }

    @Override
    public ImageOps images() {
        return OPENCV;
    }
}
