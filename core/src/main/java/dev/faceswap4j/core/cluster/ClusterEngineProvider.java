package dev.faceswap4j.core.cluster;

import com.typesafe.config.Config;

/** Found with {@link java.util.ServiceLoader}: starts a {@link ClusterEngine} on a master such as {@code local[2]}. */
public interface ClusterEngineProvider {

    /** The engine's name, e.g. {@code spark}. */
    String name();

    /**
     * Connects to {@code master} (or starts the engine inside this process, for {@code local[N]}), with the settings of
     * {@code config} (the whole faceswap4j config); fails with one line when the master cannot be reached.
     */
    ClusterEngine open(String master, Config config);
}
