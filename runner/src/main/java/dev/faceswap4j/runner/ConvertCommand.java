package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.core.convert.ConvertSettings;
import dev.faceswap4j.core.convert.ConvertStages;
import dev.faceswap4j.core.convert.Converter;
import dev.faceswap4j.core.convert.FaceWindow;
import dev.faceswap4j.core.evaluate.BeforeAfterFrames;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.SideBySide;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.plugin.StageKind;
import dev.faceswap4j.core.train.CheckpointInfo;
import dev.faceswap4j.core.train.ModelDir;
import dev.faceswap4j.core.video.FrameRange;
import dev.faceswap4j.core.video.FrameSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "convert", description = "Swap the faces of a video, image folder or image with a trained model; audio is copied.")
final class ConvertCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "VIDEO|FOLDER|IMAGE", description = "What to convert.")
    Path input;

    @Option(names = {"-m", "--model-dir"}, required = true, paramLabel = "DIR", description = "A model-dir written by train.")
    Path modelDir;

    @Option(names = {"-d", "--direction"}, paramLabel = "a-to-b|b-to-a", defaultValue = "a-to-b",
            description = "a-to-b puts B's face on A (default), b-to-a the other way.")
    String direction;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.mp4|OUT.png|FOLDER",
            description = "A video or image file (by extension), or a folder of PNG frames (no extension).")
    Path output;

    @Option(names = "--overwrite", description = "Replace an existing output (only once the new one is complete).")
    boolean overwrite;

    @Option(names = "--frames", paramLabel = "FROM:TO", description = {"Convert only these frames (TO excluded): frame numbers or percent,",
            "e.g. 80%%: for the part of a clip the model was not trained on (default: faceswap4j.convert.frames)."})
    String frames;

    @Mixin
    PeopleOptions people;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config conf = config.load();
        ConvertSettings settings = ConvertSettings.from(conf.getConfig("faceswap4j.convert"));
        if (frames != null) {
            settings = settings.withFrames(FrameRange.parse(frames));
        }
        settings = settings.withPeople(people.over(settings.people()));
        Converter.Summary summary = convert(conf, settings, input, modelDir, Direction.parse(direction), output, overwrite, !noProgress);
        PrintWriter out = spec.commandLine().getOut();
        out.println("converted " + summary.describe() + " into " + output);
        out.println("per frame: " + summary.perFrame());
        if (Files.isRegularFile(input) && Files.isRegularFile(output)) {
            out.println("before | after: " + writeBeforeAfter(input, settings.frames(), output));
        }
        out.flush();
        return 0;
    }

    /** Loads the model-dir's checkpoint with the plugin that wrote it and converts {@code input}. */
    static Converter.Summary convert(Config conf, ConvertSettings settings, Path input, Path modelDir, Direction direction, Path output,
            boolean overwrite, boolean progress) {
        ModelDir models = new ModelDir(modelDir);
        CheckpointInfo checkpoint = models.latest()
                .orElseThrow(() -> new FaceswapException("model-dir " + modelDir + " holds no checkpoint; run train first"));
        PluginRegistry registry = PluginRegistry.discover(Thread.currentThread().getContextClassLoader());
        // The checkpoint names the plugin that wrote it; the configured model may be another.
        Config modelConf = conf.withValue("faceswap4j.model", ConfigValueFactory.fromAnyRef(checkpoint.model()));
        SwapModel model = registry.create(StageKind.MODEL, modelConf);
        FaceStages stages = FaceStages.from(registry, conf);
        Converter converter = new Converter(stages.detector(), stages.landmarks(),
                stages.embedderIf(settings.people().filters(), registry, conf), settings, ConvertStages.from(registry, conf), progress);
        try (Swapper swapper = model.loadSwapper(models.checkpoint())) {
            return converter.run(input, swapper, FaceWindow.of(checkpoint), direction, output, overwrite);
        }
    }

    /** Writes {@code OUTPUT-before-after.png} beside a converted file: input | result, for a video 3 frames of the converted part. */
    static Path writeBeforeAfter(Path input, FrameRange frames, Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path sheet = output.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "-before-after.png");
        if (FrameSource.isImage(output)) {
            SideBySide.write(Images.readBgr(input), Images.readBgr(output), sheet);
        } else {
            BeforeAfterFrames.write(input, frames, output, 3, sheet);
        }
        return sheet;
    }
}
