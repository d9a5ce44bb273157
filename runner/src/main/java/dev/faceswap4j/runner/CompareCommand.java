package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.compare.ComparisonReport;
import dev.faceswap4j.core.compare.ModelComparison;
import dev.faceswap4j.core.compare.SideBySideClip;
import dev.faceswap4j.core.convert.ConvertSettings;
import dev.faceswap4j.core.pipeline.Pipeline;
import dev.faceswap4j.core.train.CheckpointInfo;
import dev.faceswap4j.core.train.FaceSet;
import dev.faceswap4j.core.util.FileTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare", description = "Held-out faces through several trained models (e.g. autoencoder vs faceswap-GAN):"
        + " a grid, a table (Markdown and CSV) and, with --video, a side-by-side clip.")
final class CompareCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--faces", required = true, paramLabel = "DIR",
            description = "Aligned faces of the source identity that no model trained on (extract output).")
    Path faces;

    @Option(names = "--models", required = true, split = ",", paramLabel = "DIR,DIR", description = "Model-dirs written by train.")
    List<Path> models;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Report folder (grid.png, compare.md, compare.csv).")
    Path output;

    @Option(names = "--target-faces", paramLabel = "DIR",
            description = "Faces of the target identity for the identity distance (default: the first model's training faces of it).")
    Path targetFaces;

    @Option(names = {"-d", "--direction"}, paramLabel = "a-to-b|b-to-a", defaultValue = "a-to-b",
            description = "a-to-b: --faces are of A and become B (default).")
    String direction;

    @Option(names = "--rows", defaultValue = "8", paramLabel = "N", description = "Faces shown in the grid (default 8).")
    int rows;

    @Option(names = "--video", paramLabel = "CLIP", description = "Also convert this clip with each model: side-by-side.mp4 (input | each model).")
    Path video;

    @Option(names = "--overwrite", description = "Replace an existing report folder (only once the new one is complete).")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Config conf = config.load();
        Direction toward = Direction.parse(direction);
        FileTrees.checkNew(output, overwrite);
        List<CheckpointInfo> checkpoints = models.stream().map(Pipeline::latestCheckpoint).toList();
        List<Image> crops = FaceSet.read(faces).crops();
        List<Image> targets = targetCrops(checkpoints.get(0), toward);
        Pipeline pipeline = Pipeline.of(conf);
        Path staging = FileTrees.partialSibling(output);
        PrintWriter out = spec.commandLine().getOut();
        List<Pipeline.LoadedModel> loaded = new ArrayList<>();
        // The recognition network only serves the identity distance, which needs the target's faces.
        try (FaceEmbedder embedder = targets.isEmpty() ? null : pipeline.embedder()) {
            List<ModelComparison.Candidate> candidates = new ArrayList<>();
            List<String> names = new ArrayList<>(List.of("input"));
            for (int i = 0; i < models.size(); i++) {
                Pipeline.LoadedModel model = pipeline.load(models.get(i));
                loaded.add(model);
                String name = checkpoints.get(i).model() + " @ " + checkpoints.get(i).iteration() + " it (" + models.get(i).getFileName() + ")";
                candidates.add(new ModelComparison.Candidate(name, model.swapper(), model.window()));
                names.add(checkpoints.get(i).model());
            }
            ModelComparison.Result result = new ModelComparison(embedder).run(crops, targets, candidates, toward);
            String context = crops.size() + " held-out faces of " + faces + " (" + toward.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")"
                    + (targets.isEmpty() ? "; no target faces, so no identity distance" : "; target identity: " + targets.size() + " faces");
            ComparisonReport.write(result, names, rows, context, staging);
            if (video != null) {
                sideBySide(pipeline, toward, staging);
            }
            FileTrees.replace(staging, output);
            out.print(Files.readString(output.resolve(ComparisonReport.MARKDOWN)));
            out.println("report: " + output);
            out.flush();
            return 0;
        } finally {
            loaded.forEach(Pipeline.LoadedModel::close);
            FileTrees.deleteQuietly(staging);
        }
    }

    private void sideBySide(Pipeline pipeline, Direction toward, Path staging) {
        ConvertSettings settings = ConvertSettings.from(pipeline.config().getConfig("faceswap4j.convert"));
        List<Path> clips = new ArrayList<>(List.of(video));
        for (int i = 0; i < models.size(); i++) {
            Path converted = staging.resolve("converted-" + (i + 1) + ".mp4");
            pipeline.convert(settings, video, models.get(i), toward, converted, false, true);
            clips.add(converted);
        }
        SideBySideClip.write(clips, staging.resolve("side-by-side.mp4"), settings.video(), false);
    }

    private List<Image> targetCrops(CheckpointInfo checkpoint, Direction toward) {
        Optional<Path> dir = Optional.ofNullable(targetFaces)
                .or(() -> Optional.ofNullable(toward == Direction.A_TO_B ? checkpoint.facesB() : checkpoint.facesA()).map(Path::of));
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return List.of();
        }
        return FaceSet.read(dir.get()).crops();
    }
}
