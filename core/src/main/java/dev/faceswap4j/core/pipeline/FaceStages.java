package dev.faceswap4j.core.pipeline;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.plugin.StageKind;
import java.util.function.Supplier;

/** The configured face detector, landmark predictor and face embedder, created only when a command needs them. */
public record FaceStages(Supplier<FaceDetector> detector, Supplier<LandmarkPredictor> landmarks, Supplier<FaceEmbedder> embedder) {

    /** Checks the detector and landmark names now, so a typo fails before any frame is read. */
    public static FaceStages from(PluginRegistry registry, Config conf) {
        registry.select(StageKind.DETECTOR, conf);
        registry.select(StageKind.LANDMARKS, conf);
        return new FaceStages(() -> registry.create(StageKind.DETECTOR, conf), () -> registry.create(StageKind.LANDMARKS, conf),
                () -> registry.create(StageKind.EMBEDDER, conf));
    }

    /** The embedder supplier when {@code needed} (its name checked now), else null: the stages then never ask for one. */
    public Supplier<FaceEmbedder> embedderIf(boolean needed, PluginRegistry registry, Config conf) {
        if (!needed) {
            return null;
        }
        registry.select(StageKind.EMBEDDER, conf);
        return embedder;
    }
}
