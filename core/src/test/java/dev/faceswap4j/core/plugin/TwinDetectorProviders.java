package dev.faceswap4j.core.plugin;

import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceDetectorProvider;
import dev.faceswap4j.api.StageContext;
import java.util.List;

/** Two test providers that claim the same name, as two plugin jars might. */
public final class TwinDetectorProviders {

    private TwinDetectorProviders() {}

    abstract static class Twin implements FaceDetectorProvider {
        @Override
        public String name() {
            return "twin";
        }

        @Override
        public String description() {
            return "test detector with a duplicated name";
        }

        @Override
        public FaceDetector create(StageContext context) {
            return image -> List.of();
        }
    }

    public static final class First extends Twin {}

    public static final class Second extends Twin {}
}
