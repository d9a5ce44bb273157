package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.api.TrainerOptions;
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
 * history, previews and checkpoints on schedule, a final checkpoint when the run ends or is stopped, and
 * a guard that takes a run whose loss stops being a number, or collapses, back to its last checkpoint
 * with a lower learning rate ({@link TrainingGuard}).
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
        warnIfEnlarged();
        FaceAugmenter augmenter = new FaceAugmenter(settings.augmentation(), inputs.model().faceSize());
        PreviewGrid preview = new PreviewGrid(previewFaces(inputs.facesA(), augmenter), previewFaces(inputs.facesB(), augmenter));
        long seed = seed();
        log.info("{}", settings.stability().describeClipping());
        try (Trainer trainer = inputs.model().newTrainer(new TrainerOptions(seed, settings.stability().clipping()))) {
            latest.ifPresent(info -> trainer.load(dir.checkpoint()));
            long start = trainer.iteration();
            if (start >= settings.iterations()) {
                log.info("{} is already trained for {} iterations (asked for {})", dir.root(), start, settings.iterations());
                return new Result(start, start, false, 0, Map.of(), dir.checkpoint());
            }
            // A resumed run keeps the learning rate its guard lowered.
            Run run = new Run(dir, trainer, latest.map(CheckpointInfo::learningRateFactor).orElse(1.0), start);
            try (BatchFeeder feederA = new BatchFeeder("A", inputs.facesA(), augmenter, batchSize, settings.loaderThreads(), seed, start);
                    BatchFeeder feederB = new BatchFeeder("B", inputs.facesB(), augmenter, batchSize, settings.loaderThreads(), seed + 1, start);
                    LossLog losses = LossLog.continueAfter(dir.root(), start);
                    Swapper view = trainer.swapper();
                    ProgressBar bar = progressBar(start)) {
                long began = System.nanoTime();
                new TrainingTarget(settings.iterations(),
                        settings.minutes() > 0 ? System.currentTimeMillis() + (long) (settings.minutes() * 60_000) : 0).write(dir.root());
                TrainingGuard guard = new TrainingGuard(settings.stability().guard());
                Map<String, Double> last = Map.of();
                boolean saveDue = false;
                while (trainer.iteration() < settings.iterations() && !stopRequested
                        && !settings.timeUp((System.nanoTime() - began) / 1e9)) {
                    FaceBatch a = feederA.next();
                    FaceBatch b = feederB.next();
                    double done = done(trainer.iteration() - start, settings.iterations() - start, (System.nanoTime() - began) / 1e9);
                    trainer.scaleLearningRate(settings.learningRateFactor(done) * run.learningRateFactor);
                    last = trainer.step(a, b);
                    long iteration = trainer.iteration();
                    Optional<String> trouble = guard.observe(last);
                    if (trouble.isPresent()) {
                        long back = run.rollBack(trouble.get(), iteration);
                        feederA.rewind(back);
                        feederB.rewind(back);
                        losses.rewind(back);
                        guard.reset();
                        saveDue = false;
                        if (bar != null) {
                            bar.stepTo(back);
                        }
                        continue;
                    }
                    double seconds = (System.nanoTime() - began) / 1e9;
                    losses.append(iteration, last, trainer.statistics(), run.takeEvent(), seconds);
                    if (bar != null) {
                        bar.stepTo(iteration);
                        bar.setExtraMessage(", " + describe(last));
                    }
                    if (iteration % settings.previewEvery() == 0) {
                        writePreview(preview, view, dir, iteration);
                    }
                    saveDue |= iteration % settings.checkpointEvery() == 0;
                    // A checkpoint waits while a watched loss is above its baseline: it is what a roll-back goes back to.
                    if (saveDue && !guard.suspect()) {
                        run.save(iteration);
                        LossPlot.write(dir.root());
                        saveDue = false;
                    }
                }
                long end = trainer.iteration();
                if (end != run.lastSaved) {
                    if (guard.suspect()) {
                        log.warn("the run ends while a loss is above its recent median; the checkpoint of iteration {} holds that state", end);
                    }
                    run.save(end);
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

    /** The run's seed: the configured one, or a new one that the log names so the run can be repeated. */
    private long seed() {
        if (settings.seed() != 0) {
            return settings.seed();
        }
        long drawn = new java.util.SplittableRandom().nextLong() & Long.MAX_VALUE;
        log.info("seed {} (faceswap4j.train.seed = {} repeats this run)", drawn, drawn);
        return drawn;
    }

    /** A run's checkpoints and the state of its guard: the learning-rate factor, the roll-backs made, the pending event. */
    private final class Run {

        private final ModelDir dir;
        private final Trainer trainer;
        private double learningRateFactor;
        private long lastSaved;
        private int rollBacks;
        private String event;

        Run(ModelDir dir, Trainer trainer, double learningRateFactor, long start) {
            this.dir = dir;
            this.trainer = trainer;
            this.learningRateFactor = learningRateFactor;
            this.lastSaved = start;
        }

        void save(long iteration) {
            dir.save(trainer, info(iteration, learningRateFactor));
            lastSaved = iteration;
        }

        /** Goes back to the last checkpoint with a lower learning rate; the iteration it is at now. */
        long rollBack(String reason, long iteration) {
            TrainingGuard.Settings guard = settings.stability().guard();
            if (!java.nio.file.Files.isDirectory(dir.checkpoint())) {
                throw new FaceswapException(reason + " at iteration " + iteration + ": training diverged before its first checkpoint"
                        + " (lower the learning rate, or set faceswap4j.train.clip = auto)");
            }
            if (rollBacks >= guard.maxRollbacks()) {
                throw new FaceswapException(reason + " at iteration " + iteration + ": training diverged again after " + rollBacks
                        + " roll-backs; the checkpoint of iteration " + lastSaved + " in " + dir.checkpoint()
                        + " is kept (resume it with a lower learning rate)");
            }
            rollBacks++;
            trainer.load(dir.checkpoint());
            learningRateFactor *= guard.learningRateFactor();
            long back = trainer.iteration();
            event = String.format(Locale.ROOT, "back from %d to %d: %s; learning rate x%s", iteration, back, reason,
                    new java.math.BigDecimal(learningRateFactor).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString());
            log.warn("{} at iteration {}: back to the checkpoint of iteration {}, learning rate now {} of the configured", reason,
                    iteration, back, String.format(Locale.ROOT, "%.3g", learningRateFactor));
            return back;
        }

        /** The event to write on the next row of losses.csv, once. */
        String takeEvent() {
            String taken = event;
            event = null;
            return taken;
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

    /** A model face larger than the crops' coverage square is trained on enlarged, soft faces: say so, with the fix. */
    private void warnIfEnlarged() {
        int cropSize = inputs.facesA().cropSize();
        double seen = settings.augmentation().coverage() * cropSize / Augmentation.REFERENCE_CROP;
        int faceSize = inputs.model().faceSize();
        if (seen < faceSize) {
            int needed = (int) Math.ceil(faceSize * (double) Augmentation.REFERENCE_CROP / settings.augmentation().coverage() / 64) * 64;
            log.warn("the {} px crops of {} show the model {} px of face (coverage {}), enlarged to its {} px: extract with"
                    + " extract.crop-size = {} (and padding scaled alike) for the detail a {} px model can hold", cropSize,
                    inputs.facesA().folder(), Math.round(seen), settings.augmentation().coverage(), faceSize, needed, faceSize);
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

    private CheckpointInfo info(long iteration, double learningRateFactor) {
        return new CheckpointInfo(CheckpointInfo.VERSION, inputs.modelName(), iteration, inputs.model().faceSize(),
                settings.augmentation().coverage(), inputs.facesA().cropSize(), inputs.padding(),
                inputs.facesA().folder().toString(), inputs.facesB().folder().toString(), learningRateFactor);
    }

    private static void writePreview(PreviewGrid preview, Swapper view, ModelDir dir, long iteration) {
        preview.write(view, List.of(dir.root().resolve("preview.png"),
                dir.root().resolve("previews").resolve(String.format(Locale.ROOT, "preview-%07d.png", iteration))));
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
