package dev.faceswap4j.runner;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.people.People;
import dev.faceswap4j.core.people.PeopleFolders;
import dev.faceswap4j.core.pipeline.Pipeline;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.core.video.FrameSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "faces", description = {"Group the faces of a video (or image folder) by person: one folder per person (person-1 seen most),",
        "each an extract folder with a contact-sheet.png, and people.png with a row per person. Pick one as --reference."})
final class FacesCommand implements Callable<Integer> {

    /** Frames of a video looked at by default: one in five. */
    private static final int VIDEO_EVERY = 5;

    @Mixin
    ConfigOptions config;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "VIDEO|FOLDER", description = "A video FFmpeg reads, or a folder of images.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder for the person folders (must not exist unless --overwrite).")
    Path output;

    @Option(names = "--every", paramLabel = "N", description = "Look at every N-th frame only (default: 5 of a video, every image of a folder).")
    Integer every;

    @Option(names = "--frames", paramLabel = "FROM:TO", description = "Look only at these frames (TO excluded), e.g. 0:80%%.")
    String frames;

    @Option(names = "--distance", paramLabel = "D", description = "Largest descriptor distance within one person (default: the embedder's own figure).")
    Double distance;

    @Option(names = "--overwrite", description = "Replace an existing output folder (only once the new one is complete).")
    boolean overwrite;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config conf = config.load();
        FileTrees.checkNew(output, overwrite);
        if (distance != null && !(distance > 0)) {
            throw new FaceswapException("--distance must be positive, got " + distance);
        }
        Path staging = FileTrees.partialSibling(output);
        try {
            Path all = staging.resolve(".all-faces");
            // Every face, whoever it is: the config's reference (if any) does not apply here.
            UnaryOperator<People> everyone = people -> People.EVERYONE;
            // A video's neighbouring frames show the same faces; the photos of a folder each count.
            int step = every != null ? every : Files.isDirectory(input) || FrameSource.isImage(input) ? 1 : VIDEO_EVERY;
            Extractor.Summary summary = Pipeline.of(conf).extractor(new Pipeline.ExtractOverrides(step, null, frames, everyone, true), !noProgress)
                    .run(input, all);
            List<PeopleFolders.Person> people = PeopleFolders.write(all, staging, distance != null ? distance : samePersonDistance(conf));
            FileTrees.deleteQuietly(all);
            FileTrees.replace(staging, output);
            PrintWriter out = spec.commandLine().getOut();
            out.println("found " + summary.describe());
            out.println(people.size() + " people, most seen first:");
            people.forEach(p -> out.println("  " + p.describe()));
            out.println("contact sheets: " + output.resolve("people.png") + " and " + output.resolve("person-1").resolve("contact-sheet.png")
                    + " ...; use a folder as --reference");
            out.flush();
            return 0;
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    private static double samePersonDistance(Config conf) {
        try (FaceEmbedder embedder = Pipeline.of(conf).embedder()) {
            return embedder.samePersonDistance();
        }
    }
}
