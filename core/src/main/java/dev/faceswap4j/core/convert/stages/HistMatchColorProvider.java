package dev.faceswap4j.core.convert.stages;

import com.typesafe.config.Config;
import dev.faceswap4j.api.ColorMatcher;
import dev.faceswap4j.api.ColorMatcherProvider;

/** {@code convert.color = hist-match}: per BGR channel, the face's histogram inside the mask mapped onto the frame's. */
public final class HistMatchColorProvider implements ColorMatcherProvider {

    @Override
    public String name() {
        return "hist-match";
    }

    @Override
    public String description() {
        return "histogram matching per BGR channel inside the mask";
    }

    @Override
    public ColorMatcher create(Config settings) {
        return ColorTransfer::histogramMatch;
    }
}
