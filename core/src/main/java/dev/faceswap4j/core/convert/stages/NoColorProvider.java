package dev.faceswap4j.core.convert.stages;

import com.typesafe.config.Config;
import dev.faceswap4j.api.ColorMatcher;
import dev.faceswap4j.api.ColorMatcherProvider;

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
    public ColorMatcher create(Config settings) {
        return (face, frame, mask) -> face;
    }
}
