package dev.faceswap4j.core.plugin;

import dev.faceswap4j.api.FaceDetectorProvider;
import dev.faceswap4j.api.FaceEmbedderProvider;
import dev.faceswap4j.api.LandmarkPredictorProvider;
import dev.faceswap4j.api.StageProvider;
import dev.faceswap4j.api.SwapModelProvider;
import java.util.List;

/**
 * A pluggable stage: which service interface its providers implement, the config key that selects
 * one ({@code faceswap4j.detector = hog}) and the section holding each provider's settings
 * ({@code faceswap4j.detectors.hog { ... }}).
 */
public record StageKind<P extends StageProvider<?>>(String key, String section, Class<P> serviceType) {

    public static final StageKind<FaceDetectorProvider> DETECTOR =
            new StageKind<>("detector", "detectors", FaceDetectorProvider.class);
    public static final StageKind<LandmarkPredictorProvider> LANDMARKS =
            new StageKind<>("landmarks", "landmark-predictors", LandmarkPredictorProvider.class);
    public static final StageKind<SwapModelProvider> MODEL =
            new StageKind<>("model", "models", SwapModelProvider.class);
    public static final StageKind<FaceEmbedderProvider> EMBEDDER =
            new StageKind<>("embedder", "embedders", FaceEmbedderProvider.class);

    public static final List<StageKind<?>> ALL = List.of(DETECTOR, LANDMARKS, MODEL, EMBEDDER);

    /** The config path whose value names the provider to use. */
    public String selectorPath() {
        return "faceswap4j." + key;
    }

    /** The config path of a provider's own settings. */
    public String settingsPath(String providerName) {
        return "faceswap4j." + section + ".\"" + providerName + "\"";
    }
}
