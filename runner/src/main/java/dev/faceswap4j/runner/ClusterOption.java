package dev.faceswap4j.runner;

import com.typesafe.config.ConfigUtil;
import picocli.CommandLine.Option;

/** {@code --cluster}: where convert and extract run, as {@code faceswap4j.cluster} says in a config. */
final class ClusterOption {

    @Option(names = "--cluster", paramLabel = "MASTER", description = {
            "Run on Apache Spark: local[N] or local[*] in this process, spark://HOST:7077 on a standalone cluster",
            "(default: faceswap4j.cluster; none: in this process). Needs the distribution's plugins/spark."})
    String master;

    /** Adds the master, when given, to the config's overrides. */
    void applyTo(ConfigOptions config) {
        if (master != null) {
            config.sets.add("cluster=" + ConfigUtil.quoteString(master));
        }
    }
}
