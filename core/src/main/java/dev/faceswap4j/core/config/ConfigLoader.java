package dev.faceswap4j.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Loads the pipeline config with this precedence, lowest first: every {@code reference.conf} on the
 * class path (core's and each plugin's) &lt; the user's {@code pipeline.conf} &lt; {@code -Dfaceswap4j.*}
 * system properties &lt; {@code --set key=value}.
 *
 * <p>Typesafe Config checks types but not unknown keys, so a typo such as {@code min-sise} would
 * pass silently; here every key the user set under {@code faceswap4j} must exist in a
 * {@code reference.conf}, and all unknown keys are reported in one line.
 */
public final class ConfigLoader {

    public static final String ROOT = "faceswap4j";

    private final ClassLoader classLoader;
    private final Properties systemProperties;

    public ConfigLoader(ClassLoader classLoader, Properties systemProperties) {
        this.classLoader = classLoader;
        this.systemProperties = systemProperties;
    }

    private static final String PRESETS = "faceswap4j/presets/";

    public ConfigLoader() {
        this(Thread.currentThread().getContextClassLoader(), System.getProperties());
    }

    /**
     * @param file the user's config file, or {@code null} for defaults only
     * @param sets {@code key=value} overrides; a key without the {@code faceswap4j.} prefix gets it
     */
    public Config load(Path file, List<String> sets) {
        return load(file, null, sets);
    }

    /** As {@link #load(Path, List)}, with the class path resource {@code builtIn} as the config file when {@code file} is null. */
    public Config load(Path file, String builtIn, List<String> sets) {
        try {
            Config reference = ConfigFactory.parseResources(classLoader, "reference.conf");
            Config user = ConfigFactory.empty();
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    throw new FaceswapException("config file not found: " + file);
                }
                user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)
                        .setIncluder(new RequiredIncludes(file.toAbsolutePath().getParent())));
            } else if (builtIn != null) {
                user = ConfigFactory.parseResources(classLoader, builtIn, ConfigParseOptions.defaults().setAllowMissing(false));
            }
            user = parseSystemProperties().withFallback(user);
            for (String set : sets) {
                user = parseSet(set).withFallback(user);
            }
            return merge(user, reference);
        } catch (ConfigException e) {
            throw new FaceswapException("config error: " + Messages.firstLine(e), e);
        }
    }

    /** The user's settings over the preset they name, the defaults and the system properties, resolved and checked. */
    private Config merge(Config user, Config reference) {
        // System properties at the root only serve substitutions such as ${user.home}; ours were taken before (and are
        // checked there: among the defaults a misspelt -Dfaceswap4j.x would pass for a known key).
        Config lowest = lowest();
        Config merged = user.withFallback(preset(user)).withFallback(reference).withFallback(lowest).resolve(ConfigResolveOptions.defaults());
        Config resolvedReference = reference.withFallback(lowest).resolve();
        merged.checkValid(resolvedReference, ROOT);
        rejectBadKeys(user, resolvedReference, merged);
        return merged;
    }

    private Config lowest() {
        return ConfigFactory.parseProperties(otherSystemProperties(), ConfigParseOptions.defaults().setOriginDescription("system properties"));
    }

    /**
     * The settings of {@code config} (one this loader made) that differ from this machine's defaults, as HOCON text:
     * what a job sends to the machines that run its pieces, where {@link #loadDifferences} lays them over that
     * machine's own defaults (a model store under its own home folder, say).
     */
    public String differences(Config config) {
        Config defaults = ConfigFactory.parseResources(classLoader, "reference.conf").withFallback(lowest()).resolve();
        Map<String, Object> changed = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> entry : config.withOnlyPath(ROOT).entrySet()) {
            String path = entry.getKey();
            Object value = entry.getValue().unwrapped();
            if (!defaults.hasPathOrNull(path) || !java.util.Objects.equals(defaults.getValue(path).unwrapped(), value)) {
                changed.put(path, value);
            }
        }
        return ConfigFactory.parseMap(changed, "settings sent by the driver").root().render(com.typesafe.config.ConfigRenderOptions.concise());
    }

    /** The config a {@link #differences} text makes on this machine's defaults. */
    public Config loadDifferences(String differences) {
        try {
            Config reference = ConfigFactory.parseResources(classLoader, "reference.conf");
            return merge(ConfigFactory.parseString(differences, ConfigParseOptions.defaults().setOriginDescription("settings sent by the driver")),
                    reference);
        } catch (ConfigException e) {
            throw new FaceswapException("config error in the settings sent by the driver: " + Messages.firstLine(e), e);
        }
    }

    /**
     * The preset the user's settings name ({@code faceswap4j.preset}, e.g. {@code cpu-fast}): a class path
     * config that sits between the user's settings and the defaults, so anything the user sets still wins.
     */
    private Config preset(Config user) {
        String key = ROOT + ".preset";
        String name = user.hasPath(key) ? user.getString(key).strip() : "";
        if (name.isEmpty()) {
            return ConfigFactory.empty();
        }
        List<String> known = presets();
        if (!known.contains(name)) {
            throw new FaceswapException("unknown preset '" + name + "' (" + user.origin().description() + "); available: " + String.join(", ", known));
        }
        return ConfigFactory.parseResources(classLoader, PRESETS + name + ".conf", ConfigParseOptions.defaults().setAllowMissing(false));
    }

    /** The presets on the class path, as listed in {@code faceswap4j/presets/index} (a class loader cannot list a folder). */
    public List<String> presets() {
        try (var in = classLoader.getResourceAsStream(PRESETS + "index")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (java.io.IOException e) {
            throw new FaceswapException("cannot read the preset index: " + Messages.firstLine(e), e);
        }
    }

    private Properties otherSystemProperties() {
        Properties others = new Properties();
        for (String name : systemProperties.stringPropertyNames()) {
            if (!name.equals(ROOT) && !name.startsWith(ROOT + ".")) {
                others.setProperty(name, systemProperties.getProperty(name));
            }
        }
        return others;
    }

    private Config parseSystemProperties() {
        Properties ours = new Properties();
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith(ROOT + ".")) {
                ours.setProperty(name, systemProperties.getProperty(name));
            }
        }
        return ConfigFactory.parseProperties(ours, ConfigParseOptions.defaults().setOriginDescription("-D system property"));
    }

    private static Config parseSet(String set) {
        int eq = set.indexOf('=');
        if (eq <= 0) {
            throw new FaceswapException("--set needs key=value, got '" + set + "'");
        }
        String key = set.substring(0, eq).trim();
        if (!key.equals(ROOT) && !key.startsWith(ROOT + ".")) {
            key = ROOT + "." + key;
        }
        String value = set.substring(eq + 1).trim();
        ConfigParseOptions options = ConfigParseOptions.defaults().setOriginDescription("--set " + set);
        try {
            return ConfigFactory.parseString(key + " = " + value, options);
        } catch (ConfigException.Parse e) {
            // Not valid HOCON (e.g. a path with a colon): take the value as a plain string.
            return ConfigFactory.parseMap(Map.of(key, value), "--set " + set);
        }
    }

    /** Keys an earlier version had, with what replaced them: named in the error instead of a spelling guess. */
    private static final Map<String, String> RENAMED = Map.of("faceswap4j.convert.seamless", "faceswap4j.convert.blend = poisson");

    private static void rejectBadKeys(Config user, Config reference, Config merged) {
        List<String> outside = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> mistyped = new ArrayList<>();
        collectBadKeys(user.root(), List.of(), reference, merged, outside, unknown, mistyped);
        if (!outside.isEmpty()) {
            throw new FaceswapException("config error: " + String.join("; ", outside) + (outside.size() > 1 ? " are" : " is") + " outside "
                    + ROOT + " { } and would be ignored; settings go inside it (" + ROOT + "." + outside.get(0).split(" ")[0] + ")");
        }
        if (!unknown.isEmpty()) {
            throw new FaceswapException("unknown config key" + (unknown.size() > 1 ? "s " : " ") + String.join("; ", unknown)
                    + " — see 'faceswap4j plugins' for the settings each plugin takes");
        }
        if (!mistyped.isEmpty()) {
            throw new FaceswapException("config error: " + String.join("; ", mistyped));
        }
    }

    /**
     * Walks the user's (unresolved) keys under {@code faceswap4j}. Typesafe's {@code checkValid} accepts a
     * string wherever a number or boolean is expected, so those leaves are converted here to be sure.
     */
    private static void collectBadKeys(ConfigObject object, List<String> parent, Config reference, Config merged, List<String> outside,
            List<String> unknown, List<String> mistyped) {
        for (Map.Entry<String, ConfigValue> entry : new TreeMap<>(object).entrySet()) {
            List<String> keys = new ArrayList<>(parent);
            keys.add(entry.getKey());
            String path = ConfigUtil.joinPath(keys);
            String where = " (" + describe(entry.getValue().origin()) + ")";
            if (parent.isEmpty() && !entry.getKey().equals(ROOT)) {
                // Every setting lives under faceswap4j { }: `detector = cnn` at the top level would be ignored.
                outside.add(entry.getKey() + where);
                continue;
            }
            if (!parent.isEmpty() && !existsIn(reference, path)) {
                String dotted = String.join(".", keys);
                String hint = RENAMED.containsKey(dotted) ? RENAMED.get(dotted) : suggestion(reference, parent, entry.getKey());
                unknown.add(String.join(".", keys) + where + (hint == null ? "" : ", did you mean " + hint + "?"));
            } else if (entry.getValue() instanceof ConfigObject child) {
                collectBadKeys(child, keys, reference, merged, outside, unknown, mistyped);
            } else if (!convertsLike(reference.getValue(path).valueType(), merged, path)) {
                mistyped.add(String.join(".", keys) + " = " + merged.getValue(path).render() + where + " must be a "
                        + reference.getValue(path).valueType().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private static boolean convertsLike(ConfigValueType expected, Config merged, String path) {
        try {
            switch (expected) {
                case NUMBER -> merged.getDouble(path);
                case BOOLEAN -> merged.getBoolean(path);
                default -> { }
            }
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    private static boolean existsIn(Config config, String path) {
        try {
            return config.hasPathOrNull(path);
        } catch (ConfigException e) {
            return false;
        }
    }

    /** The closest known sibling key, when it is a plausible typo of the unknown one. */
    private static String suggestion(Config reference, List<String> parent, String leaf) {
        String parentPath = ConfigUtil.joinPath(parent);
        if (!existsIn(reference, parentPath)) {
            return null;
        }
        try {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String sibling : new TreeSet<>(reference.getObject(parentPath).keySet())) {
                int d = editDistance(leaf, sibling);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = sibling;
                }
            }
            return best != null && bestDistance <= Math.max(2, leaf.length() / 3) ? String.join(".", parent) + "." + best : null;
        } catch (ConfigException e) {
            return null;
        }
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Where a setting came from: {@code pipeline.conf:3}, {@code --set detector=cnn}, or {@code defaults}. */
    public static String originOf(Config config, String path) {
        return config.hasPath(path) ? describe(config.getValue(path).origin()) : "not set";
    }

    static String describe(ConfigOrigin origin) {
        if (origin.filename() != null) {
            return origin.filename() + (origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "");
        }
        if (origin.resource() != null) {
            return "defaults (" + origin.resource() + (origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "") + ")";
        }
        return origin.description().replaceFirst(": \\d+$", "");
    }
}
