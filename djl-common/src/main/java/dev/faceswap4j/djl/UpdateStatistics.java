package dev.faceswap4j.djl;

import dev.faceswap4j.api.Trainer;
import java.util.LinkedHashMap;
import java.util.Map;

/** A trainer's {@link Trainer#statistics()}: per optimizer, the gradient norm and relative size of its last update. */
public final class UpdateStatistics {

    private final Map<String, Double> last = new LinkedHashMap<>();

    /** Records what the optimizer {@code name} did in this step. */
    public void record(String name, ResumableAdam.Update update) {
        last.put("grad" + Trainer.STATISTIC_SEPARATOR + name, update.gradientNorm());
        last.put("update" + Trainer.STATISTIC_SEPARATOR + name, update.relativeSize());
    }

    public Map<String, Double> last() {
        return new LinkedHashMap<>(last);
    }
}
