package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The config options every subcommand shares: {@code --config} and {@code --set}. */
public final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Pipeline config (HOCON), e.g. pipeline.conf.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. --set detector=cnn (the faceswap4j. prefix is optional).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--preset", paramLabel = "NAME", description = "A named bundle of settings under yours, e.g. cpu-fast (faceswap4j.preset).")
    String preset;

    private Config loaded;

    /** reference.conf &lt; --config file &lt; -Dfaceswap4j.* &lt; --set; loaded once per command. */
    public Config load() {
        return load(null);
    }

    /** As {@link #load()}, with a class path config standing in for a missing {@code --config}. */
    public Config load(String builtIn) {
        if (loaded == null) {
            List<String> all = new ArrayList<>();
            if (preset != null) {
                all.add("preset=" + preset);
            }
            all.addAll(sets);
            loaded = new ConfigLoader().load(file, builtIn, all);
        }
        return loaded;
    }

    /** Whether the user named a config file. */
    public boolean hasFile() {
        return file != null;
    }
}
