package dev.faceswap4j.core.convert;

import com.typesafe.config.Config;
import dev.faceswap4j.api.ColorMatcher;
import dev.faceswap4j.api.FaceBlender;
import dev.faceswap4j.api.FaceMasker;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.plugin.StageKind;

/** Convert's pluggable stages, chosen by name: {@code convert.mask}, {@code convert.color}, {@code convert.blend}. */
public record ConvertStages(FaceMasker mask, ColorMatcher color, FaceBlender blend) {

    /** The stages {@code config} names, from the providers {@code registry} found (an unknown name fails with those there are). */
    public static ConvertStages from(PluginRegistry registry, Config config) {
        return new ConvertStages(registry.create(StageKind.MASK, config), registry.create(StageKind.COLOR, config),
                registry.create(StageKind.BLEND, config));
    }
}
