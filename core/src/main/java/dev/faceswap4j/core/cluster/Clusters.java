package dev.faceswap4j.core.cluster;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The cluster setting ({@code faceswap4j.cluster}, the CLI's {@code --cluster}) and the engine that serves it. */
public final class Clusters {

    public static final String SETTING = "faceswap4j.cluster";

    private Clusters() {}

    /**
     * The master the config names; else, started by {@code spark-submit} (which sets the system property
     * {@code spark.master}), that one; empty: run in this process, as always.
     */
    public static String master(Config config) {
        String configured = config.getString(SETTING).strip();
        return configured.isEmpty() ? System.getProperty("spark.master", "").strip() : configured;
    }

    /** The engine for {@code master}, from the class path of {@code loader}; one line when the distribution has none. */
    public static ClusterEngine open(String master, Config config, ClassLoader loader) {
        Iterator<ClusterEngineProvider> providers = ServiceLoader.load(ClusterEngineProvider.class, loader).iterator();
        try {
            if (providers.hasNext()) {
                return providers.next().open(master, config);
            }
        } catch (ServiceConfigurationError e) {
            throw new FaceswapException("cluster " + master + ": the Spark folder of the distribution is broken (" + e.getMessage() + ")", e);
        }
        throw new FaceswapException("cluster " + master + ": this distribution has no Spark folder (plugins/spark), which running on a cluster"
                + " needs; install the full distribution, or leave --cluster out to run in this process");
    }
}
