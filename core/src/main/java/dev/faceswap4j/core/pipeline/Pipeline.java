package dev.faceswap4j.core.pipeline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.core.config.WholeNumbers;
import dev.faceswap4j.core.convert.ConvertSettings;
import dev.faceswap4j.core.convert.ConvertStages;
import dev.faceswap4j.core.cluster.ClusterEngine;
import dev.faceswap4j.core.cluster.Clusters;
import dev.faceswap4j.core.convert.Converter;
import dev.faceswap4j.core.evaluate.BeforeAfterFrames;
import dev.faceswap4j.core.evaluate.EvaluationReport;
import dev.faceswap4j.core.evaluate.SwapEvaluation;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.face.FaceWindow;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.SideBySide;
import dev.faceswap4j.core.people.People;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.plugin.StageKind;
import dev.faceswap4j.core.train.CheckpointInfo;
import dev.faceswap4j.core.train.FaceSet;
import dev.faceswap4j.core.train.ModelDir;
import dev.faceswap4j.core.train.TrainSettings;
import dev.faceswap4j.core.train.TrainingLoop;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.core.util.PartialFiles;
import dev.faceswap4j.core.video.FrameRange;
import dev.faceswap4j.core.video.FrameSource;
import dev.faceswap4j.core.video.Segment;
import dev.faceswap4j.core.video.VideoIndex;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's jobs — extract, train, convert, evaluate — over one loaded config and the plugins
 * found, each built from the configured stages. The CLI's commands (and so the dashboard's runs) are
 * adapters over this: they parse options, call one of these, and print.
 */
public final class Pipeline {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    /**
     * What a command changes of the extract section: {@code every}, {@code minSize} and {@code frames} when not null,
     * the person selection, and whether descriptors are kept.
     */
    public record ExtractOverrides(Integer every, Double minSize, String frames, UnaryOperator<People> people, boolean keepDescriptors) {
        public static final ExtractOverrides NONE = new ExtractOverrides(null, null, null, UnaryOperator.identity(), false);
    }

    /** A training ready to run: the model plugin's name, the two face sets, the loop; stopped, it saves a checkpoint. */
    public record Training(String model, FaceSet a, FaceSet b, TrainingLoop loop) implements Stoppable {
        @Override
        public void requestStop() {
            loop.requestStop();
        }

        @Override
        public boolean awaitFinished(long seconds) throws InterruptedException {
            return loop.awaitFinished(seconds);
        }
    }

    /** A model-dir's latest checkpoint, loaded by the plugin that wrote it. */
    public record LoadedModel(CheckpointInfo checkpoint, Swapper swapper) implements AutoCloseable {
        public FaceWindow window() {
            return new FaceWindow(checkpoint.cropSize(), checkpoint.padding(), checkpoint.coverage(), checkpoint.faceSize());
        }

        @Override
        public void close() {
            swapper.close();
        }
    }

    private final Config conf;
    private final PluginRegistry registry;

    public Pipeline(Config conf, PluginRegistry registry) {
        this.conf = conf;
        this.registry = registry;
    }

    /** Over the plugins on the context class loader (the distribution's lib/ and plugins/). */
    public static Pipeline of(Config conf) {
        return new Pipeline(conf, PluginRegistry.discover(Thread.currentThread().getContextClassLoader()));
    }

    public Config config() {
        return conf;
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** The configured detector and landmarks (names checked now), created when a job needs them. */
    public FaceStages faceStages() {
        return FaceStages.from(registry, conf);
    }

    /** The configured face embedder. */
    public FaceEmbedder embedder() {
        return registry.create(StageKind.EMBEDDER, conf);
    }

    /**
     * Extracts {@code input}'s faces into {@code output}: a video or image folder in this process; a folder of videos one
     * video after another into a folder each, or on the cluster {@code faceswap4j.cluster} names, one task per video.
     */
    public Extractor.Summary extract(ExtractOverrides overrides, Path input, Path output, boolean progress) {
        List<Path> videos = VideoFolderExtract.videosIn(input);
        String master = Clusters.master(conf);
        if (videos.isEmpty()) {
            if (!master.isEmpty()) {
                log.info("{} is not a folder of videos: extracting it in this process", input);
            }
            return extractor(overrides, progress).run(input, output);
        }
        if (master.isEmpty()) {
            return VideoFolderExtract.run(this, overrides, videos, output, null, progress);
        }
        try (ClusterEngine engine = Clusters.open(master, conf, Pipeline.class.getClassLoader())) {
            return VideoFolderExtract.run(this, overrides, videos, output, engine, progress);
        }
    }

    /** The configured detector and landmarks (and the embedder when faces are chosen by person), with {@code overrides}. */
    public Extractor extractor(ExtractOverrides overrides, boolean progress) {
        Config extract = conf.getConfig("faceswap4j.extract");
        People people = overrides.people().apply(People.from(extract));
        Extractor.Settings settings = new Extractor.Settings(WholeNumbers.intOf(extract, "faceswap4j.extract", "crop-size"), extract.getDouble("padding"),
                overrides.every() != null ? overrides.every() : WholeNumbers.intOf(extract, "faceswap4j.extract", "every"),
                overrides.minSize() != null ? overrides.minSize() : extract.getDouble("min-size"), extract.getBoolean("largest-only"), progress,
                FrameRange.parse(overrides.frames() != null ? overrides.frames() : extract.getString("frames")), people,
                overrides.keepDescriptors());
        FaceStages stages = faceStages();
        return new Extractor(stages.detector(), stages.landmarks(), stages.embedderIf(people.filters() || overrides.keepDescriptors(), registry, conf),
                settings);
    }

    /**
     * Checks the names and settings of every stage a whole run uses (extract's, the model's, training's, convert's, and
     * the embedder when {@code evaluating}), before the first frame is read: a typo in a convert stage fails in a
     * second, not after hours of training. Builds settings and stage objects only; no model file is read.
     */
    public void checkRun(boolean evaluating) {
        extractor(ExtractOverrides.NONE, false);
        registry.create(StageKind.MODEL, conf);
        TrainSettings.from(conf.getConfig("faceswap4j.train"));
        ConvertSettings.from(conf.getConfig("faceswap4j.convert"));
        ConvertStages.from(registry, conf);
        if (evaluating) {
            registry.select(StageKind.EMBEDDER, conf);
        }
    }

    /** The configured model, its faces and the loop that trains it into {@code modelDir} (continuing with {@code resume}). */
    public Training training(TrainSettings settings, Path facesA, Path facesB, Path modelDir, boolean resume, boolean progress) {
        String modelName = registry.select(StageKind.MODEL, conf).name();
        FaceSet a = FaceSet.read(facesA);
        FaceSet b = FaceSet.read(facesB);
        TrainingLoop loop = new TrainingLoop(new TrainingLoop.Inputs(modelName, registry.create(StageKind.MODEL, conf), a, b,
                padding(facesA), modelDir, resume), settings, progress);
        return new Training(modelName, a, b, loop);
    }

    /** The crops' padding as extract wrote it (alignments.json), else the configured one. */
    private double padding(Path faces) {
        Path file = faces.resolve(Alignments.FILE_NAME);
        return Files.isRegularFile(file) ? Alignments.read(file).padding() : conf.getDouble("faceswap4j.extract.padding");
    }

    /** {@code modelDir}'s latest checkpoint; fails with one line when training has not written one. */
    public static CheckpointInfo latestCheckpoint(Path modelDir) {
        return new ModelDir(modelDir).latest()
                .orElseThrow(() -> new FaceswapException("model-dir " + modelDir + " holds no checkpoint; run train first"));
    }

    /** {@code modelDir}'s latest checkpoint with the plugin that wrote it (the configured model may be another). */
    public LoadedModel load(Path modelDir) {
        CheckpointInfo checkpoint = latestCheckpoint(modelDir);
        Config modelConf = conf.withValue("faceswap4j.model", ConfigValueFactory.fromAnyRef(checkpoint.model()));
        Path folder = new ModelDir(modelDir).completeCheckpoint().orElseThrow();
        return new LoadedModel(checkpoint, registry.create(StageKind.MODEL, modelConf).loadSwapper(folder));
    }

    /**
     * Converts {@code input} with the latest checkpoint of {@code modelDir} and the configured stages: in this process, or
     * cut into segments on the cluster {@code faceswap4j.cluster} names.
     */
    public Converter.Summary convert(ConvertSettings settings, Path input, Path modelDir, Direction direction, Path output, boolean overwrite,
            boolean progress) {
        String master = Clusters.master(conf);
        if (!master.isEmpty()) {
            try (ClusterEngine engine = Clusters.open(master, conf, Pipeline.class.getClassLoader())) {
                return new SegmentedConvert(conf, engine).run(settings, input, modelDir, direction, output, overwrite);
            }
        }
        try (LoadedModel model = load(modelDir)) {
            return converter(settings, progress).run(input, model.swapper(), model.window(), direction, output, overwrite);
        }
    }

    /** Converts the frames {@code segment} decodes of {@code input} into {@code part}, keeping only its own (a task of {@link SegmentedConvert}). */
    Converter.Summary convertSegment(ConvertSettings settings, Path input, VideoIndex index, Segment segment, Path modelDir, Direction direction,
            Path part) {
        try (LoadedModel model = load(modelDir)) {
            return converter(settings, false).runSegment(input, index, segment, model.swapper(), model.window(), direction, part);
        }
    }

    private Converter converter(ConvertSettings settings, boolean progress) {
        FaceStages stages = faceStages();
        return new Converter(stages.detector(), stages.landmarks(),
                stages.embedderIf(settings.people().filters(), registry, conf), settings, ConvertStages.from(registry, conf), progress);
    }

    /** Judges {@code swapped} against {@code frames} of {@code source} with the configured stages; the report folder appears when complete. */
    public SwapEvaluation.Result evaluate(SwapEvaluation.Settings settings, Path source, FrameRange frames, Path swapped, Path output) {
        FaceStages stages = faceStages();
        Path staging = FileTrees.partialSibling(output);
        try (FaceDetector detector = stages.detector().get();
                LandmarkPredictor landmarks = stages.landmarks().get();
                FaceEmbedder embedder = embedder()) {
            SwapEvaluation.Result result = new SwapEvaluation(detector, landmarks, embedder, settings).run(source, frames, swapped);
            EvaluationReport.write(result, staging);
            FileTrees.replace(staging, output);
            return result;
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    /** Where {@link #writeBeforeAfter} puts the sheet of {@code output}: {@code OUTPUT-before-after.png} beside it. */
    public static Path beforeAfterSheet(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "-before-after.png");
    }

    /** Writes {@link #beforeAfterSheet} of a converted file: input | result, for a video 3 frames of the converted part. */
    public static Path writeBeforeAfter(Path input, FrameRange frames, Path output) {
        Path sheet = beforeAfterSheet(output);
        Path partial = PartialFiles.beside(sheet, "partial.png");
        try {
            if (FrameSource.isImage(output)) {
                SideBySide.write(Images.readBgr(input), Images.readBgr(output), partial);
            } else {
                BeforeAfterFrames.write(input, frames, output, 3, partial);
            }
            Files.move(partial, sheet, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FaceswapException("cannot write " + sheet + ": " + Messages.firstLine(e), e);
        } finally {
            FileTrees.deleteQuietly(partial);
            PartialFiles.done(partial);
        }
        return sheet;
    }
}
