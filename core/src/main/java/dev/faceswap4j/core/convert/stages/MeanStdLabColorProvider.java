package dev.faceswap4j.core.convert.stages;

import dev.faceswap4j.api.ColorMatcher;
import dev.faceswap4j.api.ColorMatcherProvider;
import dev.faceswap4j.api.StageContext;

/** {@code convert.color = mean-std-lab}: Reinhard's transfer, the face's Lab mean and spread inside the mask become the frame's. */
public final class MeanStdLabColorProvider implements ColorMatcherProvider {

    @Override
    public String name() {
        return "mean-std-lab";
    }

    @Override
    public String description() {
        return "Reinhard colour transfer: per Lab channel, mean and standard deviation inside the mask matched to the frame";
    }

    @Override
    public ColorMatcher create(StageContext context) {
        return ColorTransfer::meanStdLab;
    }
}
