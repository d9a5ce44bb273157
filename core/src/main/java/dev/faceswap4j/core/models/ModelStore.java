package dev.faceswap4j.core.models;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The folder of fetched model files ({@code faceswap4j.model-store.dir}, by default
 * {@code ~/.cache/faceswap4j/models}) and the catalog of what belongs in it. Nothing here downloads: a file that is missing or whose
 * checksum is wrong fails with one line that names it and the command that fixes it.
 *
 * <p>A full SHA-256 of the 100 MB landmark model costs about half a second, so a file's verified
 * size and modification time are remembered in {@code .verified}; it is hashed again only when they change.
 */
public final class ModelStore {

    public static final String FIX_COMMAND = "faceswap4j models fetch";
    static final String SUMS_FILE = "SHA256SUMS";
    private static final String VERIFIED_FILE = ".verified";

    /** The state of one file in the store. */
    public enum State { OK, MISSING, WRONG_SIZE, WRONG_CHECKSUM }

    public record Status(ModelFile model, Path path, State state, String actualSha256) {
        public String describe() {
            return switch (state) {
                case OK -> "ok       " + model.fileName();
                case MISSING -> "missing  " + path + " — run '" + FIX_COMMAND + "'";
                case WRONG_SIZE, WRONG_CHECKSUM -> "corrupt  " + path + ": SHA-256 " + actualSha256 + ", expected "
                        + model.sha256() + " — run '" + FIX_COMMAND + "' to replace it";
            };
        }
    }

    private final Path dir;
    private final ModelCatalog catalog;

    public ModelStore(Path dir, ModelCatalog catalog) {
        this.dir = dir.toAbsolutePath().normalize();
        this.catalog = catalog;
    }

    public static ModelStore fromConfig(Config config, ModelCatalog catalog) {
        return new ModelStore(Path.of(config.getString("faceswap4j.model-store.dir")), catalog);
    }

    public Path dir() {
        return dir;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public Path pathOf(ModelFile model) {
        return dir.resolve(model.fileName());
    }

    /** The path of a verified model file; throws a one-line {@link FaceswapException} otherwise. */
    public Path require(String id) {
        Status status = check(catalog.byId(id), false);
        return switch (status.state()) {
            case OK -> status.path();
            case MISSING -> throw new FaceswapException("model file " + status.path() + " (" + id + ") is missing — run '"
                    + FIX_COMMAND + "'" + (dir.equals(defaultDir()) ? "" : " (model-store.dir = " + dir + ")"));
            case WRONG_SIZE, WRONG_CHECKSUM -> throw new FaceswapException("model file " + status.path() + " (" + id
                    + ") has the wrong checksum (SHA-256 " + status.actualSha256() + ", expected " + status.model().sha256()
                    + ") — run '" + FIX_COMMAND + "' to replace it");
        };
    }

    /**
     * Checks a model file a user configured by path: when it is one of the catalog's files in a model
     * store (a folder {@code models fetch} made, which holds {@code SHA256SUMS}) its checksum must
     * match; any other file, e.g. a detector the user trained with dlib, is taken as is. Returns the path.
     *
     * @param setting the config path that names the file, for the message when it does not exist
     */
    public static Path checkIfCatalogued(Path file, String setting, ModelCatalog catalog) {
        Path absolute = file.toAbsolutePath().normalize();
        for (ModelFile model : catalog.all()) {
            if (absolute.endsWith(model.fileName())) {
                Path storeDir = absolute;
                for (int i = 0; i < Path.of(model.fileName()).getNameCount() && storeDir != null; i++) {
                    storeDir = storeDir.getParent();
                }
                if (storeDir != null && Files.isRegularFile(storeDir.resolve(SUMS_FILE))) {
                    return new ModelStore(storeDir, catalog).require(model.id());
                }
            }
        }
        if (!Files.isRegularFile(absolute)) {
            throw new FaceswapException("model file not found: " + absolute + " (" + setting + ") — run '" + FIX_COMMAND + "', or set " + setting
                    + " to a file you have");
        }
        return absolute;
    }

    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "faceswap4j", "models").toAbsolutePath().normalize();
    }

    /** Checks every catalog file; {@code full} ignores the remembered verifications and hashes everything. */
    public List<Status> verifyAll(boolean full) {
        List<Status> result = new ArrayList<>();
        for (ModelFile model : catalog.all()) {
            result.add(check(model, full));
        }
        return result;
    }

    public Status check(ModelFile model, boolean full) {
        Path path = pathOf(model);
        try {
            if (!Files.isRegularFile(path)) {
                return new Status(model, path, State.MISSING, null);
            }
            long size = Files.size(path);
            String stamp = size + ":" + Files.getLastModifiedTime(path).toMillis() + ":" + model.sha256();
            Properties verified = readVerified();
            if (!full && stamp.equals(verified.getProperty(model.fileName()))) {
                return new Status(model, path, State.OK, model.sha256());
            }
            String actual = Checksums.sha256(path);
            if (size != model.size()) {
                return new Status(model, path, State.WRONG_SIZE, actual);
            }
            if (!actual.equals(model.sha256())) {
                return new Status(model, path, State.WRONG_CHECKSUM, actual);
            }
            verified.setProperty(model.fileName(), stamp);
            writeVerified(verified);
            return new Status(model, path, State.OK, actual);
        } catch (IOException e) {
            throw new FaceswapException("cannot read model file " + path + ": " + Messages.firstLine(e), e);
        }
    }

    /**
     * Writes {@code SHA256SUMS} (the {@code sha256sum -c} format) for this catalog's files that are
     * present; lines of other files still there (a plugin taken out of plugins/) are kept.
     */
    void writeSums() throws IOException {
        Map<String, String> sums = new TreeMap<>();
        Path file = dir.resolve(SUMS_FILE);
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("  ", 2);
                if (parts.length == 2 && Files.isRegularFile(dir.resolve(parts[1]))) {
                    sums.put(parts[1], parts[0]);
                }
            }
        }
        for (ModelFile model : catalog.all()) {
            if (Files.isRegularFile(pathOf(model))) {
                sums.put(model.fileName(), model.sha256());
            }
        }
        StringBuilder text = new StringBuilder();
        sums.forEach((name, sha256) -> text.append(sha256).append("  ").append(name).append('\n'));
        writeAtomically(file, text.toString());
    }

    private Properties readVerified() throws IOException {
        Properties props = new Properties();
        Path file = dir.resolve(VERIFIED_FILE);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IllegalArgumentException e) {
                return new Properties(); // a damaged cache only costs a re-hash
            }
        }
        return props;
    }

    private void writeVerified(Properties props) {
        StringBuilder text = new StringBuilder("# size:mtime:sha256 of files verified by faceswap4j\n");
        new TreeMap<>(props).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            writeAtomically(dir.resolve(VERIFIED_FILE), text.toString());
        } catch (IOException e) {
            // Read-only store: verification still works, it is just not remembered.
        }
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write(content);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

}
