package dev.faceswap4j.runner;

import dev.faceswap4j.core.models.ModelCatalog;
import dev.faceswap4j.core.models.ModelFetcher;
import dev.faceswap4j.core.models.ModelStore;
import dev.faceswap4j.core.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "models", description = "Fetch and verify the model files the plugins found declare (faceswap4j.model-store.dir).",
        subcommands = {ModelsCommand.Fetch.class, ModelsCommand.Verify.class, ModelsCommand.ListModels.class})
final class ModelsCommand {

    /** The files of every plugin on the class path (plugins/ included) and core's test photos. */
    static ModelCatalog catalog() {
        return PluginRegistry.discover(Thread.currentThread().getContextClassLoader()).catalog();
    }

    @Command(name = "fetch", description = "Obtain every missing or corrupt model file and check its SHA-256. Idempotent.")
    static final class Fetch implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Option(names = "--force", description = "Fetch again even files that verify.")
        boolean force;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ModelStore store = ModelStore.fromConfig(config.load(), catalog());
            PrintWriter out = spec.commandLine().getOut();
            List<ModelFetcher.Result> results = new ModelFetcher(store, true).fetch(store.catalog().all(), force);
            for (ModelFetcher.Result r : results) {
                out.printf("%-8s %s%n", r.fetched() ? "fetched" : "present", store.pathOf(r.model()));
            }
            out.printf("%d files in %s, checksums in %s/SHA256SUMS%n", results.size(), store.dir(), store.dir());
            out.flush();
            return 0;
        }
    }

    @Command(name = "verify", description = "Recompute the SHA-256 of every model file; exit 1 if any is missing or corrupt.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ModelStore store = ModelStore.fromConfig(config.load(), catalog());
            PrintWriter out = spec.commandLine().getOut();
            List<ModelStore.Status> statuses = store.verifyAll(true);
            statuses.forEach(s -> out.println(s.describe()));
            long bad = statuses.stream().filter(s -> s.state() != ModelStore.State.OK).count();
            out.println(bad == 0 ? "all " + statuses.size() + " files verified in " + store.dir()
                    : bad + " of " + statuses.size() + " files missing or corrupt in " + store.dir()
                            + " — run '" + ModelStore.FIX_COMMAND + "'");
            out.flush();
            return bad == 0 ? 0 : 1;
        }
    }

    @Command(name = "list", description = "The model files, their source and license.")
    static final class ListModels implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            catalog().all().forEach(m -> out.printf("%-26s %-45s %s; %s%n", m.id(), m.fileName(), m.source().describe(), m.license()));
            out.flush();
            return 0;
        }
    }
}
