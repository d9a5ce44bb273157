package dev.faceswap4j.core.plugin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.faceswap4j.api.EnvironmentProbe;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.api.StageContext;
import dev.faceswap4j.api.StageProvider;
import dev.faceswap4j.core.config.ConfigLoader;
import dev.faceswap4j.core.models.ModelCatalog;
import dev.faceswap4j.toolkit.Messages;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stage providers on the class path, found with {@link ServiceLoader} and selected by the name
 * the config gives. A broken provider jar does not stop discovery: it is reported by
 * {@link #problems()} and {@code faceswap4j plugins}.
 */
public final class PluginRegistry {

    private static final Logger log = LoggerFactory.getLogger(PluginRegistry.class);

    /** A provider and the jar (or folder) it was loaded from. */
    public record Registered<P>(P provider, String name, String source) {}

    private final Map<StageKind<?>, List<Registered<?>>> byKind;
    private final List<EnvironmentProbe> probes;
    private final List<String> problems;
    private volatile ModelCatalog catalog;

    private PluginRegistry(Map<StageKind<?>, List<Registered<?>>> byKind, List<EnvironmentProbe> probes, List<String> problems) {
        this.byKind = byKind;
        this.probes = probes;
        this.problems = problems;
    }

    public static PluginRegistry discover(ClassLoader loader) {
        Map<StageKind<?>, List<Registered<?>>> byKind = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (StageKind<?> kind : StageKind.ALL) {
            List<Registered<?>> found = new ArrayList<>();
            for (StageProvider<?> provider : load(kind.serviceType(), loader, problems)) {
                found.add(new Registered<>(provider, provider.name(), sourceOf(provider.getClass())));
            }
            found.sort(Comparator.comparing(Registered::name));
            byKind.put(kind, List.copyOf(found));
        }
        List<EnvironmentProbe> probes = load(EnvironmentProbe.class, loader, problems);
        return new PluginRegistry(byKind, List.copyOf(probes), List.copyOf(problems));
    }

    private static <S> List<S> load(Class<S> type, ClassLoader loader, List<String> problems) {
        List<S> loaded = new ArrayList<>();
        Iterator<S> it = ServiceLoader.load(type, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return loaded;
                }
                loaded.add(it.next());
            } catch (ServiceConfigurationError e) {
                String problem = "broken " + type.getSimpleName() + " plugin: " + Messages.firstLine(e);
                log.warn(problem);
                problems.add(problem);
            }
        }
    }

    /** The jar file name (or class folder) a class was loaded from. */
    static String sourceOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "(unknown)";
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return path.getFileName() == null ? path.toString() : path.getFileName().toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }

    @SuppressWarnings("unchecked")
    public <P extends StageProvider<?>> List<Registered<P>> providers(StageKind<P> kind) {
        return (List<Registered<P>>) (List<?>) byKind.getOrDefault(kind, List.of());
    }

    public List<EnvironmentProbe> probes() {
        return probes;
    }

    /** Providers that failed to load, one line each. */
    public List<String> problems() {
        return problems;
    }

    /** The provider the config selects for {@code kind}; fails with the names that are available. */
    public <P extends StageProvider<?>> P select(StageKind<P> kind, Config config) {
        String name = config.getString(kind.selectorPath());
        List<Registered<P>> matches = providers(kind).stream().filter(r -> r.name().equals(name)).toList();
        if (matches.size() > 1) {
            throw new FaceswapException("two " + kind.key() + " plugins are named '" + name + "': "
                    + matches.stream().map(Registered::source).collect(Collectors.joining(" and "))
                    + " — remove one of them from plugins/");
        }
        if (matches.isEmpty()) {
            String available = providers(kind).stream().map(Registered::name).distinct().collect(Collectors.joining(", "));
            throw new FaceswapException("unknown " + kind.key() + " '" + name + "' (" + kind.selectorPath() + ", "
                    + ConfigLoader.originOf(config, kind.selectorPath()) + "); available: "
                    + (available.isEmpty() ? "none" : available)
                    + " — is the plugin jar in plugins/? run 'faceswap4j plugins'");
        }
        return matches.get(0).provider();
    }

    /** Selects the provider for {@code kind} and creates its stage with the provider's own settings. */
    public <T, P extends StageProvider<T>> T create(StageKind<P> kind, Config config) {
        P provider = select(kind, config);
        return provider.create(context(kind, provider.name(), config));
    }

    /** What a provider of {@code kind} named {@code providerName} gets to build its stage from {@code config}. */
    public StageContext context(StageKind<?> kind, String providerName, Config config) {
        return new HostStageContext(settings(kind, providerName, config), kind.displayPath(providerName), catalog());
    }

    /** The model files of every provider found, and core's test photos: what {@code models fetch} obtains. */
    public ModelCatalog catalog() {
        ModelCatalog result = catalog;
        if (result == null) {
            List<ModelFile> declared = new ArrayList<>();
            byKind.values().forEach(registered -> registered.forEach(r -> declared.addAll(((StageProvider<?>) r.provider()).modelFiles())));
            catalog = result = new ModelCatalog(declared);
        }
        return result;
    }

    /** A provider's settings section, empty when neither its reference.conf nor the user set any. */
    public static Config settings(StageKind<?> kind, String providerName, Config config) {
        String path = kind.settingsPath(providerName);
        return config.hasPath(path) ? config.getConfig(path) : ConfigFactory.empty();
    }
}
