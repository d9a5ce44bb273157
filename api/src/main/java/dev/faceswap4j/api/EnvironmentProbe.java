package dev.faceswap4j.api;

import java.util.Map;

/**
 * Reports what a plugin's runtime found on this machine (engine, native flavor, devices), for
 * {@code faceswap4j doctor}. Found with {@link java.util.ServiceLoader}; probing may load natives.
 */
public interface EnvironmentProbe {

    /** What is probed, e.g. {@code ONNX Runtime}. */
    String name();

    /** Ordered facts, e.g. {@code version -> 1.22.0}. A fact that could not be read says why. */
    Map<String, String> probe();
}
