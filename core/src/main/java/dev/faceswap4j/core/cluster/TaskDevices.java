package dev.faceswap4j.core.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.util.Map;

/**
 * A task's GPU in its config: every stage's {@code device} left to choose ({@code auto}) or asking for a GPU
 * ({@code gpu}, a detector's {@code cuda}) is pointed at the slot's GPU — {@code gpu:N} for DJL's stages,
 * {@code cuda:N} for ONNX Runtime's detectors — so two tasks on one machine do not share the first GPU. A stage set to
 * {@code cpu} stays there.
 */
public final class TaskDevices {

    private TaskDevices() {}

    public static Config apply(Config conf, TaskSlot slot) {
        if (!slot.hasGpu()) {
            return conf;
        }
        Config result = conf;
        for (Map.Entry<String, com.typesafe.config.ConfigValue> entry : conf.withOnlyPath("faceswap4j").entrySet()) {
            String path = entry.getKey();
            if (!path.endsWith(".device") || entry.getValue().valueType() != ConfigValueType.STRING) {
                continue;
            }
            String value = (String) entry.getValue().unwrapped();
            boolean onnx = path.startsWith("faceswap4j.detectors.");
            if (value.equals("auto") || value.equals(onnx ? "cuda" : "gpu")) {
                result = result.withValue(path, ConfigValueFactory.fromAnyRef((onnx ? "cuda:" : "gpu:") + slot.gpu()));
            }
        }
        return result;
    }
}
