package dev.faceswap4j.core.convert.stages;

import dev.faceswap4j.api.ColorMatcher;
import dev.faceswap4j.api.ColorMatcherProvider;
import dev.faceswap4j.api.StageContext;

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
    public ColorMatcher create(StageContext context) {
        return ColorTransfer::histogramMatch;
    }
}
