package dev.faceswap4j.core.pipeline;

import com.typesafe.config.Config;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.cluster.ClusterEngine;
import dev.faceswap4j.core.cluster.ClusterTask;
import dev.faceswap4j.core.cluster.TaskDevices;
import dev.faceswap4j.core.cluster.TaskSlot;
import dev.faceswap4j.core.config.ConfigLoader;
import dev.faceswap4j.core.config.WholeNumbers;
import dev.faceswap4j.core.convert.ConvertSettings;
import dev.faceswap4j.core.convert.Converter;
import dev.faceswap4j.core.people.People;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.core.util.PartialFiles;
import dev.faceswap4j.core.util.StageTimer;
import dev.faceswap4j.core.video.AudioTrack;
import dev.faceswap4j.core.video.FrameSource;
import dev.faceswap4j.core.video.FrameSink;
import dev.faceswap4j.core.video.Segment;
import dev.faceswap4j.core.video.SegmentJoin;
import dev.faceswap4j.core.video.SegmentPlan;
import dev.faceswap4j.core.video.VideoIndex;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Convert on a {@link ClusterEngine}: the input's frames cut into {@link SegmentPlan segments} (each a task that
 * converts its own frames after a warm-up, into a part of its own), then the parts joined in order — a video's streams
 * as they are, with the input's sound muxed once over the whole; a PNG folder's frames numbered as one run numbers
 * them. Parts are written in a hidden folder beside the output, which must be one every worker reaches (a shared file
 * system on a real cluster); the output appears only when the whole is done.
 */
final class SegmentedConvert {

    private static final Logger log = LoggerFactory.getLogger(SegmentedConvert.class);

    /** Frames a person decision looks ahead (convert's own wait, {@code FaceConversion}), read past a segment's end when choosing. */
    private static final int DECISION_LOOKAHEAD = 25;

    private final Config conf;
    private final ClusterEngine engine;

    SegmentedConvert(Config conf, ClusterEngine engine) {
        this.conf = conf;
        this.engine = engine;
    }

    Converter.Summary run(ConvertSettings settings, Path input, Path modelDir, Direction direction, Path output, boolean overwrite) {
        long start = System.nanoTime();
        if (FrameSource.isImage(input)) {
            throw new FaceswapException("input " + input + " is one image: it is converted in this process (leave --cluster out)");
        }
        FileTrees.checkNew(output, overwrite);
        boolean video = Files.isRegularFile(input);
        boolean folderOutput = !output.getFileName().toString().contains(".");
        if (!folderOutput) {
            FrameSink.checkVideoExtension(output);
        }
        Pipeline.latestCheckpoint(modelDir);
        VideoIndex index = video ? VideoIndex.scan(input) : null;
        int count;
        double frameRate;
        try (FrameSource source = FrameSource.open(input)) {
            count = index != null ? index.frameCount() : source.frameCount();
            frameRate = source.frameRate();
        }
        int first = settings.frames().first(count);
        int end = Math.min(count, settings.frames().end(count));
        if (first >= end) {
            throw new FaceswapException("frames " + settings.frames() + " of " + input + " (" + count + " frames) hold no frame to convert");
        }
        SegmentPlan plan = plan(settings, index, first, end);
        Path staging = PartialFiles.beside(output, "segments");
        try {
            FileTrees.deleteQuietly(staging);
            Files.createDirectories(staging);
            log.info("converting frames {}..{} of {} in {} segments on {}", first, end, input, plan.size(), engine.describe());
            Job job = new Job(new ConfigLoader(Pipeline.class.getClassLoader(), System.getProperties()).differences(conf), input.toAbsolutePath().toString(),
                    modelDir.toAbsolutePath().toString(), direction, strings(settings.people().reference()), strings(settings.people().exclude()),
                    settings.people().distance(), staging.toAbsolutePath().toString(), folderOutput ? "" : extension(output), video);
            List<Part> parts = engine.map(plan.segments(), job);
            int faces = parts.stream().mapToInt(Part::faces).sum();
            int frames = parts.stream().mapToInt(Part::frames).sum();
            if (faces == 0) {
                throw new FaceswapException("no face found in " + input + " (" + frames + " frames); nothing written");
            }
            List<Path> files = parts.stream().map(part -> staging.resolve(part.file())).toList();
            if (folderOutput) {
                joinFolders(plan, files, output);
            } else {
                AudioTrack audio = settings.frames().isAll() ? AudioTrack.whole(input) : AudioTrack.ofFrames(input, first, end, frameRate);
                SegmentJoin.Method method = SegmentJoin.write(files, output, settings.video(), frameRate, audio, overwrite);
                log.info("joined {} segments into {} ({})", files.size(), output, method == SegmentJoin.Method.STREAM_COPY
                        ? "streams copied" : "encoded once more");
            }
            StageTimer timer = new StageTimer();
            parts.forEach(part -> part.stages().forEach((stage, nanos) -> timer.add(stage, nanos)));
            return new Converter.Summary(frames, faces, parts.stream().mapToInt(Part::framesWithoutFace).sum(),
                    Duration.ofNanos(System.nanoTime() - start), timer.totals(), timer.perItem(frames));
        } catch (IOException e) {
            throw new FaceswapException("cannot write " + output + ": " + Messages.firstLine(e), e);
        } finally {
            FileTrees.deleteQuietly(staging);
            PartialFiles.done(staging);
        }
    }

    /** Segments whose batches are those of one pass; a video that cannot be cut by timestamp is one segment. */
    private SegmentPlan plan(ConvertSettings settings, VideoIndex index, int first, int end) {
        if (index != null && !index.splittable()) {
            log.warn("{}: its frames have no distinct timestamps, so it is converted as one segment", index.file());
            return SegmentPlan.whole(first, end);
        }
        Config spark = conf.getConfig("faceswap4j.spark");
        int lookAhead = settings.people().filters() ? DECISION_LOOKAHEAD : 0;
        lookAhead = (lookAhead + settings.batchFrames() - 1) / settings.batchFrames() * settings.batchFrames();
        int warmUp = spark.getString("warm-up-frames").strip().equals("auto") ? warmUp(settings)
                : WholeNumbers.intOf(spark, "faceswap4j.spark", "warm-up-frames");
        return SegmentPlan.of(first, end, WholeNumbers.intOf(spark, "faceswap4j.spark", "segment-frames"), settings.batchFrames(), warmUp,
                lookAhead);
    }

    /**
     * Frames after which a cut is forgotten: landmark smoothing's memory shrinks by {@code smooth} a frame, to below a
     * double's last bit; convert.temporal's (rounded to whole levels each frame) to below one in a thousand; a person
     * decision's votes over the look-ahead; one frame for a track by position.
     */
    private static int warmUp(ConvertSettings settings) {
        int frames = 1;
        if (settings.smooth() > 0) {
            frames = Math.max(frames, (int) Math.ceil(Math.log(0x1p-53) / Math.log(settings.smooth())));
        }
        if (settings.temporal() > 0) {
            frames = Math.max(frames, (int) Math.ceil(Math.log(1e-3) / Math.log(settings.temporal())));
        }
        return settings.people().filters() ? Math.max(frames, DECISION_LOOKAHEAD) : frames;
    }

    /** The segments' PNG folders as one: frame_N numbered from the first frame converted, as one pass writes them. */
    private static void joinFolders(SegmentPlan plan, List<Path> folders, Path output) throws IOException {
        Path partial = FileTrees.partialSibling(output);
        try {
            int base = plan.segments().get(0).first();
            for (int s = 0; s < folders.size(); s++) {
                Segment segment = plan.segments().get(s);
                try (Stream<Path> frames = Files.list(folders.get(s))) {
                    for (Path frame : frames.sorted().toList()) {
                        String name = frame.getFileName().toString();
                        int number = Integer.parseInt(name.substring("frame_".length(), name.indexOf('.')));
                        Files.move(frame, partial.resolve(String.format(Locale.ROOT, "frame_%06d.png", segment.first() - base + number)));
                    }
                }
            }
            FileTrees.replace(partial, output);
        } finally {
            FileTrees.deleteQuietly(partial);
            PartialFiles.done(partial);
        }
    }

    private static List<String> strings(List<Path> paths) {
        return paths.stream().map(p -> p.toAbsolutePath().toString()).toList();
    }

    private static String extension(Path output) {
        String name = output.getFileName().toString();
        return name.substring(name.lastIndexOf('.'));
    }

    /** What a segment's task sends back: its part's file name in the staging folder, its counts and stage times. */
    record Part(String file, int frames, int faces, int framesWithoutFace, Map<String, Long> stages) implements Serializable {}

    /**
     * The task of one segment, as plain values (it travels to the executors): the settings that differ from the
     * defaults, as HOCON, laid over the worker's own defaults (its model store under its own home, say).
     */
    record Job(String settings, String input, String modelDir, Direction direction, List<String> reference, List<String> exclude,
            double distance, String staging, String extension, boolean video) implements ClusterTask<Segment, Part> {

        @Override
        public Part run(Segment segment, TaskSlot slot) {
            Config conf = new ConfigLoader(Pipeline.class.getClassLoader(), System.getProperties()).loadDifferences(settings);
            conf = TaskDevices.apply(conf, slot);
            Pipeline pipeline = Pipeline.of(conf);
            People people = new People(paths(reference), paths(exclude), distance);
            ConvertSettings convert = ConvertSettings.from(conf.getConfig("faceswap4j.convert")).withPeople(people);
            Path source = Path.of(input);
            String name = String.format(Locale.ROOT, "segment-%05d%s", segment.index(), extension);
            Path attempt = Path.of(staging).resolve(slot.attempt());
            Path part = attempt.resolve(name);
            try {
                Files.createDirectories(attempt);
                Converter.Summary summary = pipeline.convertSegment(convert, source, video ? VideoIndex.scan(source) : null, segment,
                        Path.of(modelDir), direction, part);
                Path published = Path.of(staging).resolve(name);
                FileTrees.deleteQuietly(published);
                Files.move(part, published, StandardCopyOption.ATOMIC_MOVE);
                Map<String, Long> stages = new LinkedHashMap<>();
                summary.stages().forEach((stage, time) -> stages.put(stage, time.toNanos()));
                return new Part(name, summary.frames(), summary.faces(), summary.framesWithoutFace(), stages);
            } catch (IOException e) {
                throw new FaceswapException("segment " + segment.index() + " of " + input + ": cannot write " + part + ": " + Messages.firstLine(e), e);
            } finally {
                FileTrees.deleteQuietly(attempt);
            }
        }

        private static List<Path> paths(List<String> names) {
            List<Path> paths = new ArrayList<>(names.size());
            names.forEach(name -> paths.add(Path.of(name)));
            return paths;
        }
    }
}
