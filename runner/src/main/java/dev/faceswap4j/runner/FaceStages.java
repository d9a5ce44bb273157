package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.plugin.StageKind;
import java.util.function.Supplier;

/** The configured face detector and landmark predictor, created only when a command needs them. */
record FaceStages(Supplier<FaceDetector> detector, Supplier<LandmarkPredictor> landmarks) {

    /** Checks both plugin names now, so a typo fails before any frame is read. */
    static FaceStages from(PluginRegistry registry, Config conf) {
        registry.select(StageKind.DETECTOR, conf);
        registry.select(StageKind.LANDMARKS, conf);
        return new FaceStages(() -> registry.create(StageKind.DETECTOR, conf), () -> registry.create(StageKind.LANDMARKS, conf));
    }
}
