package dev.faceswap4j.runner;

import dev.faceswap4j.api.EnvironmentProbe;
import dev.faceswap4j.core.models.ModelStore;
import dev.faceswap4j.core.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "doctor", description = "Report Java, the model store, and what each plugin runtime found (engine, flavor, devices).")
final class DoctorCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("java: %s (%s), %d cores, max heap %d MiB%n", System.getProperty("java.version"), System.getProperty("java.vendor"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        PluginRegistry registry = PluginRegistry.discover(Thread.currentThread().getContextClassLoader());
        ModelStore store = ModelStore.fromConfig(config.load(), registry.catalog());
        List<ModelStore.Status> statuses = store.verifyAll(false);
        long ok = statuses.stream().filter(s -> s.state() == ModelStore.State.OK).count();
        out.printf("model store: %s (%d of %d files verified)%n", store.dir(), ok, statuses.size());
        for (EnvironmentProbe probe : registry.probes()) {
            out.println(probe.name() + ":");
            probe.probe().forEach((k, v) -> out.printf("  %-15s %s%n", k, v));
        }
        out.flush();
        return 0;
    }
}
