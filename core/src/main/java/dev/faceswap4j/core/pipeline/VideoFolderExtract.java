package dev.faceswap4j.core.pipeline;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.cluster.ClusterEngine;
import dev.faceswap4j.core.cluster.ClusterTask;
import dev.faceswap4j.core.cluster.TaskDevices;
import dev.faceswap4j.core.cluster.TaskSlot;
import dev.faceswap4j.core.config.ConfigLoader;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.people.People;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.core.util.StageTimer;
import dev.faceswap4j.core.video.FrameSource;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extract over a folder of videos (a training set from many clips): each video's faces into a folder of their own under
 * the output, named after the video, as one extract of that video writes them — one video after another in this
 * process, or one task per video on a {@link ClusterEngine}. A video whose faces are already extracted with these
 * settings is skipped, so a stopped run continues; a video without a face is reported and skipped; any other failure
 * ends the run and removes what it wrote.
 */
final class VideoFolderExtract {

    private static final Logger log = LoggerFactory.getLogger(VideoFolderExtract.class);

    /** The file name endings taken for videos in a folder (other files are left alone). */
    private static final Set<String> VIDEO_SUFFIXES = Set.of("mp4", "m4v", "mov", "mkv", "webm", "avi", "ts", "mts", "m2ts", "mpg", "mpeg", "flv",
            "wmv", "3gp");

    private VideoFolderExtract() {}

    /** The videos of {@code input} when it is a folder of videos (no images beside them), sorted; else empty. */
    static List<Path> videosIn(Path input) {
        if (!Files.isDirectory(input)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(input)) {
            List<Path> files = entries.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            if (files.stream().anyMatch(FrameSource::isImage)) {
                return List.of();
            }
            return files.stream().filter(VideoFolderExtract::isVideo).toList();
        } catch (IOException e) {
            throw new FaceswapException("cannot list input folder " + input + ": " + Messages.firstLine(e), e);
        }
    }

    private static boolean isVideo(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && VIDEO_SUFFIXES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Extracts each of {@code videos} into {@code output}/its name without extension; {@code engine} null: in this process. */
    static Extractor.Summary run(Pipeline pipeline, Pipeline.ExtractOverrides overrides, List<Path> videos, Path output, ClusterEngine engine,
            boolean progress) {
        long start = System.nanoTime();
        checkNamesDistinct(videos);
        boolean fresh = !Files.exists(output);
        List<Path> created = videos.stream().map(video -> folderOf(output, video)).filter(folder -> !Files.exists(folder)).toList();
        People people = overrides.people().apply(People.from(pipeline.config().getConfig("faceswap4j.extract")));
        Job job = new Job(new ConfigLoader(Pipeline.class.getClassLoader(), System.getProperties()).differences(pipeline.config()), overrides.every(),
                overrides.minSize(), overrides.frames(), paths(people.reference()), paths(people.exclude()), people.distance(),
                output.toAbsolutePath().toString());
        List<String> items = videos.stream().map(video -> video.toAbsolutePath().toString()).toList();
        List<Done> done;
        try {
            Files.createDirectories(output);
            if (engine != null) {
                log.info("extracting the faces of {} videos of {} on {}", videos.size(), videos.get(0).getParent(), engine.describe());
                done = engine.map(items, job);
            } else {
                done = new ArrayList<>(items.size());
                for (String video : items) {
                    done.add(job.extract(video, pipeline, progress));
                }
            }
        } catch (IOException | RuntimeException e) {
            // What this run wrote goes; earlier extractions in the output stay.
            if (fresh) {
                FileTrees.deleteQuietly(output);
            } else {
                created.forEach(FileTrees::deleteQuietly);
            }
            if (e instanceof IOException io) {
                throw new FaceswapException("cannot write " + output + ": " + Messages.firstLine(io), io);
            }
            throw (RuntimeException) e;
        }
        List<String> faceless = done.stream().filter(d -> d.faces() == 0).map(Done::video).toList();
        if (faceless.size() == done.size()) {
            if (fresh) {
                FileTrees.deleteQuietly(output);
            }
            throw new FaceswapException("no face found in any of the " + done.size() + " videos of " + videos.get(0).getParent());
        }
        if (!faceless.isEmpty()) {
            log.warn("no face in {} of {} videos, skipped: {}", faceless.size(), done.size(), String.join(", ", faceless));
        }
        StageTimer timer = new StageTimer();
        done.forEach(d -> d.stages().forEach(timer::add));
        int frames = done.stream().mapToInt(Done::frames).sum();
        return new Extractor.Summary(frames, done.stream().mapToInt(Done::faces).sum(), done.stream().mapToInt(Done::skippedSmall).sum(),
                done.stream().mapToInt(Done::framesWithoutFace).sum(), done.stream().allMatch(Done::reused), Duration.ofNanos(System.nanoTime() - start),
                timer.totals(), timer.perItem(frames), done.stream().mapToInt(Done::otherPeople).sum());
    }

    /** Two videos named alike but for their extension would share a faces folder. */
    private static void checkNamesDistinct(List<Path> videos) {
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path video : videos) {
            Path earlier = seen.put(stem(video), video);
            if (earlier != null) {
                throw new FaceswapException("videos " + earlier + " and " + video + " would share the faces folder " + stem(video)
                        + "; rename one of them");
            }
        }
    }

    private static Path folderOf(Path output, Path video) {
        return output.resolve(stem(video));
    }

    private static String stem(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static List<String> paths(List<Path> paths) {
        return paths.stream().map(p -> p.toAbsolutePath().toString()).toList();
    }

    /** What one video's extraction sends back. */
    record Done(String video, int frames, int faces, int skippedSmall, int framesWithoutFace, boolean reused, int otherPeople,
            Map<String, Long> stages) implements Serializable {}

    /** One video's extraction, as plain values for an executor: the settings that differ from the defaults and extract's overrides. */
    record Job(String settings, Integer every, Double minSize, String frames, List<String> reference, List<String> exclude, double distance,
            String output) implements ClusterTask<String, Done> {

        @Override
        public Done run(String video, TaskSlot slot) {
            Config conf = new ConfigLoader(Pipeline.class.getClassLoader(), System.getProperties()).loadDifferences(settings);
            conf = TaskDevices.apply(conf, slot);
            return extract(video, Pipeline.of(conf), false);
        }

        Done extract(String video, Pipeline pipeline, boolean progress) {
            People people = new People(reference.stream().map(Path::of).toList(), exclude.stream().map(Path::of).toList(), distance);
            Extractor extractor = pipeline.extractor(new Pipeline.ExtractOverrides(every, minSize, frames, configured -> people, false), progress);
            Path input = Path.of(video);
            Path folder = folderOf(Path.of(output), input);
            if (extractor.upToDate(input, folder)) {
                log.info("{}: faces already extracted into {}", input, folder);
                return new Done(video, 0, Alignments.read(folder.resolve(Alignments.FILE_NAME)).faceCount(), 0, 0, true, 0, Map.of());
            }
            try {
                Extractor.Summary summary = extractor.run(input, folder);
                Map<String, Long> stages = new LinkedHashMap<>();
                summary.stages().forEach((stage, time) -> stages.put(stage, time.toNanos()));
                return new Done(video, summary.frames(), summary.faces(), summary.skippedSmall(), summary.framesWithoutFace(), summary.reused(),
                        summary.otherPeople(), stages);
            } catch (Extractor.NoFaceFound e) {
                log.warn("{}", e.getMessage());
                return new Done(video, 0, 0, 0, 0, false, 0, Map.of());
            }
        }
    }
}
