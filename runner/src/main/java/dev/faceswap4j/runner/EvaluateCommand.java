package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.evaluate.EvaluationReport;
import dev.faceswap4j.core.evaluate.Gallery;
import dev.faceswap4j.core.evaluate.SwapEvaluation;
import dev.faceswap4j.core.pipeline.Pipeline;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.core.video.FrameRange;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", description = {"Judge a converted video against the one it was made from: ID retrieval towards the target,",
        "landmark error, PSNR outside the face, sharpness, jitter, flicker, face found (evaluate.md, evaluate.json, evaluate.png)."})
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--source", required = true, paramLabel = "SRC.mp4", description = "The video that was converted.")
    Path source;

    @Option(names = "--swapped", required = true, paramLabel = "OUT.mp4", description = "The converted video.")
    Path swapped;

    @Option(names = "--a", required = true, paramLabel = "FACES_A", description = "Faces of A (extract output).")
    Path facesA;

    @Option(names = "--b", required = true, paramLabel = "FACES_B", description = "Faces of B (extract output).")
    Path facesB;

    @Option(names = "--others", split = ",", paramLabel = "DIR,DIR", description = "Faces of more people (extract output), named by their folder.")
    List<Path> others = List.of();

    @Option(names = "--gallery", split = ",", paramLabel = "IMG,IMG",
            description = "Photos whose every face is one more person for ID retrieval to pick among (default: the sample photos of the model store, about 20 faces; none: only A, B and --others).")
    List<String> gallery;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "REPORT_DIR", description = "Report folder.")
    Path output;

    @Option(names = {"-d", "--direction"}, paramLabel = "a-to-b|b-to-a", defaultValue = "a-to-b",
            description = "a-to-b: the source shows A and the swap should show B (default).")
    String direction;

    @Option(names = "--frames", paramLabel = "FROM:TO", description = "The frames of SRC that were converted (convert --frames), e.g. 80%%:.")
    String frames;

    @Option(names = "--every", defaultValue = "1", paramLabel = "N", description = "Judge every N-th frame pair (jitter and flicker need 1; default 1).")
    int every;

    @Option(names = "--faces-per-person", defaultValue = "40", paramLabel = "N", description = "Faces averaged into each person's descriptor (default 40).")
    int facesPerPerson;

    @Option(names = "--overwrite", description = "Replace an existing report folder (only once the new one is complete).")
    boolean overwrite;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config conf = config.load();
        FileTrees.checkNew(output, overwrite);
        for (Path video : List.of(source, swapped)) {
            if (!Files.isRegularFile(video)) {
                throw new FaceswapException("video not found: " + video);
            }
        }
        Map<String, Path> more = new LinkedHashMap<>();
        for (Path other : others) {
            String name = other.toAbsolutePath().normalize().getFileName().toString();
            if (name.equals("A") || name.equals("B") || more.putIfAbsent(name, other) != null) {
                throw new FaceswapException("two face folders are named " + name + "; rename one");
            }
        }
        SwapEvaluation.Settings settings = SwapEvaluation.settingsFor(Direction.parse(direction), facesA, facesB, more, facesPerPerson, every,
                !noProgress).withGallery(galleryPhotos(conf));
        SwapEvaluation.Result result = Pipeline.of(conf).evaluate(settings, source, FrameRange.parse(frames), swapped, output);
        PrintWriter out = spec.commandLine().getOut();
        out.print(EvaluationReport.markdown(result.summary()));
        out.println("report: " + output);
        out.flush();
        return 0;
    }

    private List<Path> galleryPhotos(Config conf) {
        if (gallery == null) {
            return Gallery.samplePhotos(conf);
        }
        if (gallery.equals(List.of("none"))) {
            return List.of();
        }
        List<Path> photos = gallery.stream().map(Path::of).toList();
        for (Path photo : photos) {
            if (!Files.isRegularFile(photo)) {
                throw new FaceswapException("gallery photo not found: " + photo);
            }
        }
        return photos;
    }

}
