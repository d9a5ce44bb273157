package dev.faceswap4j.spark;

import com.typesafe.config.Config;
import dev.faceswap4j.core.cluster.ClusterEngine;
import dev.faceswap4j.core.cluster.ClusterEngineProvider;

/** Apache Spark as the cluster engine: the class the distribution's Spark folder adds (ServiceLoader). */
public final class SparkEngineProvider implements ClusterEngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ClusterEngine open(String master, Config config) {
        return SparkEngine.start(SparkSettings.of(master, config));
    }
}
