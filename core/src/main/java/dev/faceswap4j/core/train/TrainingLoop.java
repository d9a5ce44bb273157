package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.core.util.ProgressBars;
import dev.faceswap4j.toolkit.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a swap model on two face sets into a model folder: batches from background threads, loss
 * history, previews and checkpoints on schedule, a final checkpoint when the run ends or is stopped,
 * and a stop with a clear error when a loss stops being a number.
 */
public final class TrainingLoop {

    private static final Logger log = LoggerFactory.getLogger(TrainingLoop.class);

    /** Where the faces come from and where the model goes. */
    public record Inputs(String modelName, SwapModel model, FaceSet facesA, FaceSet facesB, double padding, Path modelDir, boolean resume) {}

    /** How a run ended. */
    public record Result(long startIteration, long iteration, boolean stopped, double seconds, Map<String, Double> lastLosses,
            Path checkpoint) {}

    /** Losses shown on the progress line. */
    private static final int SHOWN_LOSSES = 6;

    private final Inputs inputs;
    private final TrainSettings settings;
    private final boolean progress;
    private volatile boolean stopRequested;
    private final CountDownLatch finished = new CountDownLatch(1);

    public TrainingLoop(Inputs inputs, TrainSettings settings, boolean progress) {
        this.inputs = inputs;
        this.settings = settings;
        this.progress = progress;
    }

    /** Asks the loop to stop after the current iteration and save a checkpoint (e.g. from a Ctrl-C hook). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Waits until {@link #run} has returned or thrown (with its checkpoint written), at most {@code seconds}. */
    public boolean awaitFinished(long seconds) throws InterruptedException {
        return finished.await(seconds, TimeUnit.SECONDS);
    }

    /** Trains while holding the model folder: a second training of it fails with the holder's PID. */
    public Result run() {
        try (ModelDirLock lock = new ModelDir(inputs.modelDir()).lock()) {
            return train();
        } finally {
            finished.countDown();
        }
    }

    private Result train() {
        ModelDir dir = new ModelDir(inputs.modelDir());
        dir.requireOwnOrEmpty();
        Optional<CheckpointInfo> latest = dir.latest();
        checkResume(dir, latest);
        try {
            java.nio.file.Files.createDirectories(dir.root());
        } catch (java.io.IOException e) {
            throw new FaceswapException("cannot create model-dir " + dir.root() + ": " + Messages.firstLine(e), e);
        }
        int batchSize = batchSize();
        FaceAugmenter augmenter = new FaceAugmenter(settings.augmentation(), inputs.model().faceSize());
        PreviewGrid preview = new PreviewGrid(previewFaces(inputs.facesA(), augmenter), previewFaces(inputs.facesB(), augmenter));
        long seed = settings.seed() != 0 ? settings.seed() : System.nanoTime();
        try (Trainer trainer = inputs.model().newTrainer()) {
            latest.ifPresent(info -> trainer.load(dir.checkpoint()));
            long start = trainer.iteration();
            if (start >= settings.iterations()) {
                log.info("{} is already trained for {} iterations (asked for {})", dir.root(), start, settings.iterations());
                return new Result(start, start, false, 0, Map.of(), dir.checkpoint());
            }
            try (BatchFeeder feederA = new BatchFeeder("A", inputs.facesA(), augmenter, batchSize, settings.loaderThreads(), seed);
                    BatchFeeder feederB = new BatchFeeder("B", inputs.facesB(), augmenter, batchSize, settings.loaderThreads(), seed + 1);
                    LossLog losses = LossLog.continueAfter(dir.root(), start);
                    Swapper view = trainer.swapper();
                    ProgressBar bar = progressBar(start)) {
                long began = System.nanoTime();
                new TrainingTarget(settings.iterations(),
                        settings.minutes() > 0 ? System.currentTimeMillis() + (long) (settings.minutes() * 60_000) : 0).write(dir.root());
                long lastSaved = start;
                Map<String, Double> last = Map.of();
                while (trainer.iteration() < settings.iterations() && !stopRequested
                        && !settings.timeUp((System.nanoTime() - began) / 1e9)) {
                    FaceBatch a = feederA.next();
                    FaceBatch b = feederB.next();
                    double done = done(trainer.iteration() - start, settings.iterations() - start, (System.nanoTime() - began) / 1e9);
                    trainer.scaleLearningRate(settings.learningRateFactor(done));
                    last = trainer.step(a, b);
                    long iteration = trainer.iteration();
                    requireFinite(last, iteration, dir, lastSaved);
                    double seconds = (System.nanoTime() - began) / 1e9;
                    losses.append(iteration, last, seconds);
                    if (bar != null) {
                        bar.stepTo(iteration);
                        bar.setExtraMessage(", " + describe(last));
                    }
                    if (iteration % settings.previewEvery() == 0) {
                        writePreview(preview, view, dir, iteration);
                    }
                    if (iteration % settings.checkpointEvery() == 0) {
                        dir.save(trainer, info(iteration));
                        LossPlot.write(dir.root());
                        lastSaved = iteration;
                    }
                }
                long end = trainer.iteration();
                if (end != lastSaved) {
                    dir.save(trainer, info(end));
                }
                if (end % settings.previewEvery() != 0) {
                    writePreview(preview, view, dir, end);
                }
                LossPlot.write(dir.root());
                double seconds = (System.nanoTime() - began) / 1e9;
                return new Result(start, end, stopRequested, seconds, last, dir.checkpoint());
            }
        }
    }

    /**
     * How far a run of {@code planned} iterations is, 0..1: {@code iterations} of them, or {@code seconds} of its time
     * budget, whichever is further.
     */
    private double done(long iterations, long planned, double seconds) {
        double byIterations = iterations / (double) planned;
        return settings.minutes() > 0 ? Math.max(byIterations, seconds / (settings.minutes() * 60)) : byIterations;
    }

    private void checkResume(ModelDir dir, Optional<CheckpointInfo> latest) {
        if (latest.isPresent()) {
            CheckpointInfo info = latest.get();
            if (!info.model().equals(inputs.modelName())) {
                throw new FaceswapException("model-dir " + dir.root() + " holds a '" + info.model() + "' model, the configuration asks for '"
                        + inputs.modelName() + "'; use another model-dir or set faceswap4j.model = " + info.model());
            }
            if (!inputs.resume()) {
                throw new FaceswapException("model-dir " + dir.root() + " already holds a checkpoint at iteration " + info.iteration()
                        + "; pass --resume to continue it, or choose another folder");
            }
            if (info.faceSize() != inputs.model().faceSize() || info.coverage() != settings.augmentation().coverage()) {
                throw new FaceswapException("checkpoint " + dir.checkpoint() + " was trained on " + info.faceSize() + " px faces of coverage "
                        + info.coverage() + ", the configuration asks for " + inputs.model().faceSize() + " px and coverage "
                        + settings.augmentation().coverage());
            }
        } else if (inputs.resume()) {
            throw new FaceswapException("--resume: model-dir " + dir.root() + " holds no checkpoint to continue");
        }
    }

    private int batchSize() {
        int smallest = Math.min(inputs.facesA().size(), inputs.facesB().size());
        if (smallest < settings.batchSize()) {
            // Batches draw faces at random with replacement, each copy augmented on its own: a small set still fills a batch.
            log.warn("only {} faces in the smaller set, fewer than batch-size {}: faces repeat within a batch (each copy warped differently);"
                    + " more faces give a better model", smallest, settings.batchSize());
        }
        return settings.batchSize();
    }

    private List<Image> previewFaces(FaceSet faces, FaceAugmenter augmenter) {
        int n = Math.min(settings.previewFaces(), faces.size());
        // Spread over the set, so the sheet is not n frames of one second of video.
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> augmenter.face(faces.crops().get((int) ((long) i * faces.size() / n))))
                .toList();
    }

    private CheckpointInfo info(long iteration) {
        return new CheckpointInfo(CheckpointInfo.VERSION, inputs.modelName(), iteration, inputs.model().faceSize(),
                settings.augmentation().coverage(), inputs.facesA().cropSize(), inputs.padding(),
                inputs.facesA().folder().toString(), inputs.facesB().folder().toString());
    }

    private static void writePreview(PreviewGrid preview, Swapper view, ModelDir dir, long iteration) {
        preview.write(view, List.of(dir.root().resolve("preview.png"),
                dir.root().resolve("previews").resolve(String.format(Locale.ROOT, "preview-%07d.png", iteration))));
    }

    private static void requireFinite(Map<String, Double> losses, long iteration, ModelDir dir, long lastSaved) {
        for (Map.Entry<String, Double> loss : losses.entrySet()) {
            if (!Double.isFinite(loss.getValue())) {
                String kept = lastSaved > 0 ? "the checkpoint of iteration " + lastSaved + " in " + dir.checkpoint() + " is kept"
                        : "no checkpoint was written";
                throw new FaceswapException(loss.getKey() + " became " + loss.getValue() + " at iteration " + iteration
                        + ": training diverged; " + kept + " (resume it with a lower learning rate)");
            }
        }
    }

    private static String describe(Map<String, Double> losses) {
        StringBuilder text = new StringBuilder();
        // Trainers list their main losses first; the rest (a GAN's per-term parts) is for losses.csv, not one line.
        losses.entrySet().stream().limit(SHOWN_LOSSES).forEach(loss -> text.append(text.length() == 0 ? "" : " ")
                .append(loss.getKey().replace("loss_", "loss ")).append(' ').append(String.format(Locale.ROOT, "%.4f", loss.getValue())));
        return text.toString();
    }

    private ProgressBar progressBar(long start) {
        if (!progress) {
            return null;
        }
        return ProgressBars.builder("train", "it", 1, settings.iterations(), true).startsFrom(start, java.time.Duration.ZERO).showSpeed()
                .build();
    }
}
