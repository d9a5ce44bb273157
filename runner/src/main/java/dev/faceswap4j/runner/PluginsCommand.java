package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import dev.faceswap4j.api.StageProvider;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.plugin.PluginRegistry.Registered;
import dev.faceswap4j.core.plugin.StageKind;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plugins", description = "List every stage kind with the providers found, their jar and their settings.")
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config conf = config.load();
        PluginRegistry registry = PluginRegistry.discover(Thread.currentThread().getContextClassLoader());
        PrintWriter out = spec.commandLine().getOut();
        for (StageKind<?> kind : StageKind.ALL) {
            String selected = conf.getString(kind.selectorPath());
            out.printf("%s (%s = %s)%n", kind.key(), kind.selectorPath(), selected);
            if (registry.providers(kind).isEmpty()) {
                out.println("  (no provider found — add a plugin jar to plugins/)");
            }
            for (Registered<? extends StageProvider<?>> found : registry.providers(kind)) {
                out.printf("  %s %-14s %-48s %s%n", found.name().equals(selected) ? "*" : " ", found.name(), found.source(),
                        found.provider().description());
                printSettings(out, PluginRegistry.settings(kind, found.name(), conf));
            }
        }
        if (!registry.probes().isEmpty()) {
            out.println("environment probes (run 'faceswap4j doctor'):");
            registry.probes().forEach(p -> out.println("    " + p.name()));
        }
        registry.problems().forEach(p -> out.println("problem: " + p));
        out.flush();
        return registry.problems().isEmpty() ? 0 : 1;
    }

    private static void printSettings(PrintWriter out, Config settings) {
        Map<String, ConfigValue> sorted = new TreeMap<>();
        settings.entrySet().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((key, value) ->
                out.printf("        %s = %s%n", key, value.render(ConfigRenderOptions.concise())));
    }
}
