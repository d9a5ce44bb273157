package dev.faceswap4j.core.plugin;

import dev.faceswap4j.api.ColorMatcherProvider;
import dev.faceswap4j.api.FaceBlenderProvider;
import dev.faceswap4j.api.FaceDetectorProvider;
import dev.faceswap4j.api.FaceEmbedderProvider;
import dev.faceswap4j.api.FaceMaskerProvider;
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

    /** Convert's stages, faceswap's plugins/convert/{mask,color}: selected under faceswap4j.convert. */
    public static final StageKind<FaceMaskerProvider> MASK =
            new StageKind<>("convert.mask", "convert.masks", FaceMaskerProvider.class);
    public static final StageKind<ColorMatcherProvider> COLOR =
            new StageKind<>("convert.color", "convert.colors", ColorMatcherProvider.class);
    public static final StageKind<FaceBlenderProvider> BLEND =
            new StageKind<>("convert.blend", "convert.blends", FaceBlenderProvider.class);

    public static final List<StageKind<?>> ALL = List.of(DETECTOR, LANDMARKS, MODEL, EMBEDDER, MASK, COLOR, BLEND);

    /** The config path whose value names the provider to use. */
    public String selectorPath() {
        return "faceswap4j." + key;
    }

    /** The config path of a provider's own settings. */
    public String settingsPath(String providerName) {
        return "faceswap4j." + section + ".\"" + providerName + "\"";
    }

    /** {@link #settingsPath} as a user writes it, for messages (provider names are lower-case words and dashes). */
    public String displayPath(String providerName) {
        return "faceswap4j." + section + "." + providerName;
    }
}
