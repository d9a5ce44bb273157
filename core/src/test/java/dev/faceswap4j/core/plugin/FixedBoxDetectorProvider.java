package dev.faceswap4j.core.plugin;

import com.typesafe.config.Config;
import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceDetectorProvider;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.api.StageContext;
import java.util.List;

/** Test provider: reports one box taken from its settings, so tests can see which settings it got. */
public final class FixedBoxDetectorProvider implements FaceDetectorProvider {

    @Override
    public String name() {
        return "fixed-box";
    }

    @Override
    public String description() {
        return "test detector returning the configured box";
    }

    @Override
    public FaceDetector create(StageContext context) {
        Config settings = context.settings();
        Rect box = new Rect(settings.getDouble("x"), settings.getDouble("y"), settings.getDouble("size"), settings.getDouble("size"));
        double score = settings.getDouble("score");
        return image -> List.of(new Detection(box, score));
    }
}
