package dev.faceswap4j.runner;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.train.LossHistory;
import dev.faceswap4j.core.train.LossLog;
import dev.faceswap4j.core.train.ModelDir;
import dev.faceswap4j.core.train.TrainingTarget;
import dev.faceswap4j.toolkit.Messages;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The browser view of a work folder (Javalin): its model folders, each one's iteration, speed, last
 * checkpoint and loss curves as JSON, their preview sheets and reports as files, one page that draws
 * them and refreshes, and one job at a time ({@code run} on a config file of the folder) to start and
 * stop. Serves nothing outside the work folder.
 */
final class Dashboard implements AutoCloseable {

    /** What the page may load: pictures and reports, never checkpoints or other files. */
    private static final Set<String> SERVED = Set.of(".png", ".md", ".json", ".csv");
    private static final int CURVE_POINTS = 400;
    private static final int SPEED_WINDOW = 50;
    private static final int DEPTH = 3;

    private final Path workDir;
    private final DashboardJob job;
    private final Javalin app;

    /** Starts serving {@code workDir} on {@code host}:{@code port} (0: any free port); jobs are {@code faceswap4j run}. */
    Dashboard(Path workDir, String host, int port) {
        this(workDir, host, port, DashboardJob.faceswapRun());
    }

    /** As {@link #Dashboard(Path, String, int)}, a job being the arguments {@code jobCommand} gives for a config file. */
    Dashboard(Path workDir, String host, int port, Function<Path, List<String>> jobCommand) {
        if (!Files.isDirectory(workDir)) {
            throw new FaceswapException("work dir not found: " + workDir);
        }
        this.workDir = realPath(workDir);
        this.job = new DashboardJob(this.workDir, jobCommand);
        String page = resource("dashboard.html");
        DashboardGuard guard = new DashboardGuard(host);
        Javalin server = Javalin.create(config -> config.showJavalinBanner = false)
                .before(guard::check)
                .get("/", ctx -> ctx.html(page))
                .get("/api/models", ctx -> ctx.json(models()))
                .get("/api/status", this::status)
                .get("/api/job", ctx -> ctx.json(job.status()))
                .post("/api/job/start", this::startJob)
                .post("/api/job/stop", ctx -> {
                    job.stop();
                    ctx.json(job.status());
                })
                .get("/files/<path>", this::file)
                .exception(DashboardGuard.Refused.class, (e, ctx) -> ctx.status(HttpStatus.FORBIDDEN).json(Map.of("error", Messages.firstLine(e))))
                .exception(DashboardJob.Refused.class, (e, ctx) -> ctx.status(HttpStatus.CONFLICT).json(Map.of("error", Messages.firstLine(e))))
                .exception(FaceswapException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", Messages.firstLine(e))));
        try {
            this.app = server.start(host, port);
        } catch (JavalinBindException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new FaceswapException("cannot serve on " + host + ":" + port + ": " + cause.getMessage()
                    + "; choose another port with --port (0 = any free one) or another address with --host", e);
        }
    }

    /** Starts {@code faceswap4j run} on the config file named by the {@code config} form field, a path inside the work dir. */
    private void startJob(Context ctx) {
        String name = ctx.formParam("config");
        Path config = inside(name);
        if (config == null || !name.endsWith(".conf")) {
            throw new FaceswapException("config must be a .conf file inside the work dir: " + name);
        }
        job.start(config, name);
        ctx.json(job.status());
    }

    /** Waits up to {@code seconds} for a running job to end (for a clean shutdown and for tests). */
    boolean awaitJob(long seconds) throws InterruptedException {
        return job.awaitEnd(seconds);
    }

    int port() {
        return app.port();
    }

    /** The folders under the work dir (a few levels deep) that training writes into, by path relative to it. */
    List<Map<String, Object>> models() throws IOException {
        try (Stream<Path> paths = Files.walk(workDir, DEPTH)) {
            return paths.filter(Files::isDirectory)
                    .filter(dir -> Files.isRegularFile(dir.resolve(LossLog.FILE_NAME)) || Files.isDirectory(dir.resolve("checkpoint")))
                    .sorted()
                    .map(dir -> {
                        Map<String, Object> model = new LinkedHashMap<>();
                        model.put("name", relative(dir));
                        model.put("checkpoint", new ModelDir(dir).latest().map(info -> info.iteration()).orElse(null));
                        return model;
                    })
                    .toList();
        }
    }

    private void status(Context ctx) {
        Path dir = inside(ctx.queryParam("model"));
        if (dir == null || !Files.isDirectory(dir)) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no such model folder: " + ctx.queryParam("model")));
            return;
        }
        LossHistory history = LossHistory.read(dir);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("model", relative(dir));
        long iteration = history.rows() == 0 ? 0 : history.iterations()[history.rows() - 1];
        status.put("iteration", iteration);
        double speed = history.iterationsPerSecond(SPEED_WINDOW);
        status.put("iterationsPerSecond", Double.isFinite(speed) ? speed : null);
        Optional<TrainingTarget> target = TrainingTarget.read(dir);
        status.put("targetIteration", target.map(TrainingTarget::iterations).orElse(null));
        double left = target.map(t -> t.secondsLeft(iteration, speed, System.currentTimeMillis())).orElse(Double.NaN);
        // Only while it trains: a stopped run has no ETA.
        status.put("etaSeconds", Double.isFinite(left) && job.running() ? left : null);
        status.put("checkpoint", new ModelDir(dir).latest().map(info -> info.iteration()).orElse(null));
        status.put("losses", curves(history, history.mainNames()));
        status.put("lossParts", curves(history, history.partNames()));
        // What the training guard did (roll-backs to a checkpoint), at the iteration it wrote them.
        status.put("events", history.events().stream().map(event -> Map.of("iteration", event.iteration(), "text", event.text())).toList());
        Path preview = dir.resolve("preview.png");
        status.put("preview", Files.isRegularFile(preview) ? relative(preview) : null);
        status.put("previewModified", Files.isRegularFile(preview) ? modified(preview) : null);
        // evaluate and compare write their reports into folders of their own, often beside the model.
        status.put("reports", reports());
        ctx.json(status);
    }

    private static Map<String, Object> curves(LossHistory history, List<String> names) {
        Map<String, Object> curves = new LinkedHashMap<>();
        for (String name : names) {
            LossHistory.Curve curve = history.curve(name, CURVE_POINTS);
            curves.put(name, Map.of("x", curve.x(), "y", curve.y()));
        }
        return curves;
    }

    private List<String> reports() {
        try (Stream<Path> paths = Files.walk(workDir, DEPTH)) {
            return paths.filter(p -> p.getFileName().toString().matches("(evaluate|compare)\\.(md|png)")).sorted().map(this::relative).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void file(Context ctx) throws IOException {
        Path file = inside(ctx.pathParam("path"));
        String name = file == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (file == null || !Files.isRegularFile(file) || SERVED.stream().noneMatch(name::endsWith)) {
            ctx.status(HttpStatus.NOT_FOUND).result("not found");
            return;
        }
        ctx.contentType(name.endsWith(".png") ? "image/png" : name.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.result(Files.readAllBytes(file));
    }

    /** {@code relative} resolved in the work dir, or null when it leads outside (.., an absolute path, a link out). */
    private Path inside(String relative) {
        if (relative == null || relative.isBlank()) {
            return null;
        }
        Path resolved = workDir.resolve(relative).normalize();
        if (!resolved.startsWith(workDir)) {
            return null;
        }
        if (Files.exists(resolved) && !realPath(resolved).startsWith(workDir)) {
            return null;
        }
        return resolved;
    }

    private String relative(Path path) {
        String text = workDir.relativize(path).toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new FaceswapException("cannot open " + path + ": " + Messages.firstLine(e), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Dashboard.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("dashboard page " + name + " missing from the jar", e);
        }
    }

    /** Stops the server, and a running job the way Ctrl-C would, waiting for its checkpoint. */
    @Override
    public void close() {
        app.stop();
        if (job.running()) {
            job.stop();
            try {
                job.awaitEnd(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
