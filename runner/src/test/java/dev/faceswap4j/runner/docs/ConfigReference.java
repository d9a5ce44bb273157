package dev.faceswap4j.runner.docs;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The configuration reference of docs/configuration.md, written from the files themselves: every key of every
 * module's {@code reference.conf} with its default and the comment above it, then every key each preset sets.
 */
final class ConfigReference {

    private static final String REFERENCE = "src/main/resources/reference.conf";
    private static final String PRESETS = "src/main/resources/faceswap4j/presets";
    private static final ConfigRenderOptions VALUE = ConfigRenderOptions.concise().setJson(false);

    /** A setting as the file declares it: full path, value as written, the comment lines above it, where it stands. */
    record Key(String path, String value, String comment, int line, int column) {}

    private final Path root;

    ConfigReference(Path root) {
        this.root = root;
    }

    /** The Markdown of the whole reference. */
    String markdown() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Path file : referenceFiles()) {
            String module = root.relativize(file).getName(0).toString();
            out.append("### ").append(module).append("\n\n")
                    .append("[`").append(module).append('/').append(REFERENCE).append("`](../").append(module).append('/')
                    .append(REFERENCE).append(")\n\n");
            table(out, keys(file), true);
        }
        for (Path file : presetFiles()) {
            String name = file.getFileName().toString().replaceFirst("\\.conf$", "");
            String path = root.relativize(file).toString();
            out.append("### Preset `").append(name).append("`\n\n")
                    .append("`--preset ").append(name).append("` or `preset = ").append(name).append("`; [`").append(path)
                    .append("`](../").append(path).append(") (its comment says why):\n\n");
            table(out, keys(file), false);
        }
        return out.toString();
    }

    /** Core's first (the keys every plugin's settings sit under), then each plugin's, by module name. */
    List<Path> referenceFiles() throws IOException {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(m -> m.resolve(REFERENCE)).filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path p) -> !p.startsWith(root.resolve("core"))).thenComparing(Path::toString))
                    .toList();
        }
    }

    List<Path> presetFiles() throws IOException {
        List<Path> presets = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path folder : modules.map(m -> m.resolve(PRESETS)).filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(p -> p.toString().endsWith(".conf")).sorted().forEach(presets::add);
                }
            }
        }
        return presets;
    }

    /** Every leaf setting of a HOCON file, in file order, unresolved (substitutions shown as written). */
    static List<Key> keys(Path file) throws IOException {
        ConfigObject parsed = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)).root();
        List<String> lines = Files.readAllLines(file);
        List<Key> keys = new ArrayList<>();
        collect(parsed, "", "", lines, keys);
        keys.sort(Comparator.comparingInt(Key::line).thenComparingInt(Key::column));
        return keys;
    }

    /**
     * {@code inherited}: the comment of an enclosing object not yet shown, given to its first leaf without one. The
     * comment of a top-level object ({@code faceswap4j}) is the file's header, not a setting's, and is left out.
     */
    private static void collect(ConfigObject object, String prefix, String inherited, List<String> lines, List<Key> keys) {
        List<Map.Entry<String, ConfigValue>> entries = object.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> e.getValue().origin().lineNumber())
                        .thenComparingInt(e -> column(lines, e.getKey(), e.getValue())))
                .toList();
        String pending = inherited;
        for (Map.Entry<String, ConfigValue> entry : entries) {
            String path = prefix + quoted(entry.getKey());
            ConfigValue value = entry.getValue();
            String own = prefix.isEmpty() ? "" : comment(value);
            String comment = own.isEmpty() ? pending : pending.isEmpty() ? own : pending + " " + own;
            if (value instanceof ConfigObject child) {
                int before = keys.size();
                collect(child, path + ".", comment, lines, keys);
                if (keys.size() > before) {
                    pending = "";
                }
            } else {
                keys.add(new Key(path, value.render(VALUE), comment, value.origin().lineNumber(), column(lines, entry.getKey(), value)));
                pending = "";
            }
        }
    }

    /** Where the key stands on its line: several settings can share one ({@code loss { a = 1, b = 2 }}). */
    private static int column(List<String> lines, String key, ConfigValue value) {
        int line = value.origin().lineNumber();
        if (line < 1 || line > lines.size()) {
            return 0;
        }
        Matcher at = Pattern.compile("(?<![\\w-])\"?" + Pattern.quote(key) + "\"?\\s*[=:{]").matcher(lines.get(line - 1));
        return at.find() ? at.start() : 0;
    }

    private static String comment(ConfigValue value) {
        return value.origin().comments().stream().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining(" "));
    }

    private static String quoted(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
    }

    private static void table(StringBuilder out, List<Key> keys, boolean withComments) {
        out.append(withComments ? "| key | default | what it does |\n|---|---|---|\n" : "| key | value |\n|---|---|\n");
        for (Key key : keys) {
            out.append("| `").append(cell(key.path())).append("` | `").append(cell(key.value())).append('`');
            if (withComments) {
                out.append(" | ").append(key.comment().replace("|", "\\|"));
            }
            out.append(" |\n");
        }
        out.append('\n');
    }

    /** Code inside a GFM table cell: a pipe would end the cell, a backtick the code span. Comments keep their `code`. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("`", "'");
    }
}
