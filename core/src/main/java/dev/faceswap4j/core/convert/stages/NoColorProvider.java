package dev.faceswap4j.core.convert.stages;

import dev.faceswap4j.api.ColorMatcher;
import dev.faceswap4j.api.ColorMatcherProvider;
import dev.faceswap4j.api.StageContext;

/** {@code convert.color = none}: the model's colours as they are. */
public final class NoColorProvider implements ColorMatcherProvider {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public String description() {
        return "no colour matching: the model's colours";
    }

    @Override
    public ColorMatcher create(StageContext context) {
        return (face, frame, mask) -> face;
    }
}
