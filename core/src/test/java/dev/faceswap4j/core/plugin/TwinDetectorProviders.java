package dev.faceswap4j.core.plugin;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceDetectorProvider;
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
        public FaceDetector create(Config settings) {
            return image -> List.of();
        }
    }

    public static final class First extends Twin {}

    public static final class Second extends Twin {}
}
