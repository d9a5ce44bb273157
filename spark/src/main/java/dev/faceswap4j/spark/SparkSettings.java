package dev.faceswap4j.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import dev.faceswap4j.api.FaceswapException;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;

/**
 * What the Spark application is given, from {@code faceswap4j.cluster} and {@code faceswap4j.spark}: Spark settings
 * the user wrote ({@code spark.conf}) win over these defaults —
 * <ul>
 * <li>on this machine ({@code local[N]}, or a master on 127.0.0.1 or localhost) the driver listens on 127.0.0.1 only,
 *     and embedded the web UI stays off (Spark would pick an outward interface, and its UI listens on all);</li>
 * <li>executors get the distribution's jars as their class path (installed on every worker, not shipped), DJL offline,
 *     and threads capped to {@code spark.task.cpus} for libtorch and OpenMP.</li>
 * </ul>
 */
record SparkSettings(String master, Map<String, String> user, String home, Duration executorWait, int localGpus) {

    static SparkSettings of(String master, Config config) {
        Config spark = config.getConfig("faceswap4j.spark");
        Map<String, String> user = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> entry : spark.getConfig("conf").entrySet()) {
            user.put(entry.getKey().replace("\"", ""), String.valueOf(entry.getValue().unwrapped()));
        }
        for (String key : user.keySet()) {
            if (!key.startsWith("spark.")) {
                throw new FaceswapException("faceswap4j.spark.conf: '" + key + "' is not a Spark setting (those start with spark.)");
            }
        }
        if (spark.getInt("local-gpus") < 0) {
            throw new FaceswapException("faceswap4j.spark.local-gpus must not be negative");
        }
        return new SparkSettings(master, Map.copyOf(user), spark.getString("home").strip(), spark.getDuration("executor-wait"),
                spark.getInt("local-gpus"));
    }

    boolean isLocal() {
        return master.equals("local") || master.startsWith("local[");
    }

    /** Whether driver, master and workers are all this machine: embedded, or a standalone master on a loopback address. */
    boolean onThisMachine() {
        return isLocal() || master.startsWith("spark://127.0.0.1:") || master.startsWith("spark://localhost:");
    }

    int taskCpus() {
        return Integer.parseInt(user.getOrDefault("spark.task.cpus", "1"));
    }

    SparkConf sparkConf() {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("faceswap4j");
        int threads = taskCpus();
        if (onThisMachine()) {
            conf.set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1");
        }
        if (isLocal()) {
            conf.set("spark.ui.enabled", "false");
        } else {
            conf.set("spark.executor.extraClassPath", String.join(File.pathSeparator, executorClassPath()));
            conf.set("spark.executorEnv.TORCH_CPP_LOG_LEVEL", "ERROR");
            conf.set("spark.executorEnv.OMP_NUM_THREADS", Integer.toString(threads));
            List<String> options = new ArrayList<>(List.of("-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + threads,
                    "-Dai.djl.pytorch.num_interop_threads=1"));
            String djlCache = System.getProperty("DJL_CACHE_DIR");
            if (onThisMachine() && djlCache != null) {
                options.add("-DDJL_CACHE_DIR=" + djlCache);
            }
            if (user.containsKey("spark.executor.extraJavaOptions")) {
                options.add(user.get("spark.executor.extraJavaOptions"));
            }
            conf.set("spark.executor.extraJavaOptions", String.join(" ", options));
        }
        user.forEach((key, value) -> {
            if (!key.equals("spark.executor.extraJavaOptions")) {
                conf.set(key, value);
            }
        });
        return conf;
    }

    /**
     * Embedded, the tasks are threads of this process: libtorch's thread count is fixed when it first loads, so it is set
     * here, before any task loads a model (unless the user set it).
     */
    void applyToThisProcess() {
        if (isLocal()) {
            System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", Integer.toString(taskCpus())));
            System.setProperty("ai.djl.pytorch.num_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        }
    }

    /** A {@code spark://} master that does not accept a connection fails here, in seconds, not after Spark's minute of retries. */
    void checkMasterAnswers() {
        if (!master.startsWith("spark://")) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (String address : master.substring("spark://".length()).split(",")) {
            int colon = address.lastIndexOf(':');
            String host = colon < 0 ? address : address.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new FaceswapException("cluster " + master + ": '" + address + "' is not HOST:PORT");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 3000);
                return;
            } catch (IOException e) {
                problems.add(host + ":" + port + " (" + e.getMessage() + ")");
            }
        }
        throw new FaceswapException("cluster " + master + ": no Spark master answers at " + String.join(", ", problems));
    }

    /**
     * The distribution's jars as the workers see them: its {@code lib/} and every plugin folder, under
     * {@code faceswap4j.spark.home} or, by default, where this distribution is here. Run from elsewhere (a build's
     * tests), this process's own class path.
     */
    List<String> executorClassPath() {
        Path here = distributionHome();
        if (here == null) {
            return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        }
        Path root = home.isEmpty() ? here : Path.of(home);
        List<String> entries = new ArrayList<>();
        entries.add(root.resolve("lib").resolve("*").toString());
        try (Stream<Path> plugins = Files.list(here.resolve("plugins"))) {
            for (Path plugin : plugins.sorted().toList()) {
                Path relative = here.relativize(plugin);
                if (Files.isDirectory(plugin)) {
                    entries.add(root.resolve(relative).resolve("*").toString());
                    if (Files.isDirectory(plugin.resolve("jars"))) {
                        entries.add(root.resolve(relative).resolve("jars").resolve("*").toString());
                    }
                } else if (plugin.getFileName().toString().endsWith(".jar")) {
                    entries.add(root.resolve(relative).toString());
                }
            }
        } catch (IOException e) {
            throw new FaceswapException("cannot list the plugins of the distribution at " + here + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /** Where the executors look for the distribution, for messages. */
    String executorHome() {
        Path here = distributionHome();
        return home.isEmpty() ? (here == null ? "the same path as here" : here.toString()) : home;
    }

    /** The distribution this class was loaded from ({@code plugins/spark/jars/faceswap4j-spark-*.jar}), or null. */
    static Path distributionHome() {
        try {
            Path jar = Path.of(SparkSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path home = jar.getParent() == null ? null : jar.getParent().getParent();
            home = home == null ? null : home.getParent() == null ? null : home.getParent().getParent();
            return home != null && Files.isDirectory(home.resolve("lib")) && Files.isDirectory(home.resolve("plugins")) ? home : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
