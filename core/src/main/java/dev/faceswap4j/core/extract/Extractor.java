package dev.faceswap4j.core.extract;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.core.align.FaceAligner;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.face.FaceRecord;
import dev.faceswap4j.core.face.FrameRecord;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.people.FaceChoice;
import dev.faceswap4j.core.people.FaceTracker;
import dev.faceswap4j.core.people.People;
import dev.faceswap4j.core.people.PersonFilter;
import dev.faceswap4j.core.people.TrackedFace;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.core.util.PartialFiles;
import dev.faceswap4j.core.util.ProgressBars;
import dev.faceswap4j.core.util.StageTimer;
import dev.faceswap4j.core.video.Frame;
import dev.faceswap4j.core.video.FrameRange;
import dev.faceswap4j.core.video.FrameSource;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extraction: frames → faces → 68 landmarks → alignment → aligned crops (PNG) and one alignments
 * file. Crops are written into a hidden folder and moved into place only when the whole run
 * succeeded; the alignments file is written last, atomically. A re-run on the same input with the
 * same settings reuses the alignments instead of detecting again.
 */
public final class Extractor {

    private static final Logger log = LoggerFactory.getLogger(Extractor.class);
    private static final String PARTIAL = ".extract-partial";

    /**
     * Crop size and padding in pixels, every n-th frame, smallest face box side kept, only the largest face per frame,
     * progress bar on/off, the frames looked at (e.g. the first 80 % of a clip, the rest kept for judging the swap),
     * whose faces are kept, and whether each face's recognition descriptor goes into the alignments file.
     */
    public record Settings(int cropSize, double padding, int every, double minSize, boolean largestOnly, boolean progress, FrameRange frames,
            People people, boolean keepDescriptors) {
        public Settings(int cropSize, double padding, int every, double minSize, boolean largestOnly, boolean progress) {
            this(cropSize, padding, every, minSize, largestOnly, progress, FrameRange.ALL, People.EVERYONE, false);
        }

        public Settings {
            frames = frames == null ? FrameRange.ALL : frames;
            people = people == null ? People.EVERYONE : people;
            if (every < 1) {
                throw new FaceswapException("--every must be at least 1, got " + every);
            }
            if (!(minSize >= 0)) {
                throw new FaceswapException("--min-size must be 0 or more pixels, got " + minSize);
            }
            if (cropSize < 16 || padding < 0 || 2 * padding >= cropSize) {
                throw new FaceswapException("crop size " + cropSize + " with padding " + padding + " leaves no face");
            }
        }

        /** Whether faces need descriptors: to pick a person, or to keep them. */
        boolean identifies() {
            return people.filters() || keepDescriptors;
        }
    }

    /** What a run did; {@code stages} is wall time per stage. */
    public record Summary(int frames, int faces, int skippedSmall, int framesWithoutFace, boolean reused, Duration elapsed,
            Map<String, Duration> stages, String perFrame, int otherPeople) {
        public String describe() {
            return String.format(Locale.ROOT, "%d frames, %d faces, %d small faces skipped, %d frames without a face, %.1f s (%.1f frames/s)%s%s",
                    frames, faces, skippedSmall, framesWithoutFace, elapsed.toMillis() / 1000.0,
                    frames / Math.max(1e-9, elapsed.toNanos() / 1e9), otherPeople > 0 ? ", " + otherPeople + " faces of other people left out" : "",
                    reused ? ", alignments reused" : "");
        }
    }

    /** The input holds no face (of the person wanted): an answer about the input rather than a failure of the run. */
    public static final class NoFaceFound extends FaceswapException {
        NoFaceFound(String message) {
            super(message);
        }
    }

    private final Supplier<FaceDetector> detector;
    private final Supplier<LandmarkPredictor> landmarks;
    private final Supplier<FaceEmbedder> embedder;
    private final Settings settings;

    /**
     * The stages are created only when needed: a re-run that reuses its alignments needs none, and the
     * embedder (which may be null) only when the settings choose faces by person or keep descriptors.
     */
    public Extractor(Supplier<FaceDetector> detector, Supplier<LandmarkPredictor> landmarks, Supplier<FaceEmbedder> embedder,
            Settings settings) {
        this.detector = detector;
        this.landmarks = landmarks;
        this.embedder = embedder;
        this.settings = settings;
        if (settings.identifies() && embedder == null) {
            throw new FaceswapException("choosing faces by person needs a face embedder (faceswap4j.embedder)");
        }
    }

    public Extractor(Supplier<FaceDetector> detector, Supplier<LandmarkPredictor> landmarks, Settings settings) {
        this(detector, landmarks, null, settings);
    }

    /** Whether {@code output} holds this input's extraction with these settings, every crop present: nothing to do. */
    public boolean upToDate(Path input, Path output) {
        Path file = output.resolve(Alignments.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Alignments earlier = Alignments.read(file);
        return earlier.matches(describeInput(input)) && earlier.frames().stream()
                .allMatch(frame -> frame.faces().stream().allMatch(face -> Files.isRegularFile(output.resolve(face.crop()))));
    }

    /** Extracts {@code input}'s faces into {@code output}; a failure or an orderly stop leaves no folder it created. */
    public Summary run(Path input, Path output) {
        boolean fresh = !Files.exists(output);
        if (fresh) {
            PartialFiles.removeOnStop(output);
        }
        try {
            Summary summary = extract(input, output);
            PartialFiles.done(output);
            return summary;
        } catch (RuntimeException e) {
            if (fresh) {
                FileTrees.deleteQuietly(output);
                PartialFiles.done(output);
            }
            throw e;
        }
    }

    private Summary extract(Path input, Path output) {
        Alignments wanted = describeInput(input);
        Path alignmentsFile = output.resolve(Alignments.FILE_NAME);
        Alignments earlier = Files.isRegularFile(alignmentsFile) ? Alignments.read(alignmentsFile) : null;
        checkOutputFolder(input, output, earlier, wanted);
        Alignments previous = earlier != null && earlier.matches(wanted) ? earlier : null;
        Path partial = output.resolve(PARTIAL);
        long start = System.nanoTime();
        try (FrameSource source = FrameSource.open(input, settings.frames())) {
            FileTrees.deleteQuietly(partial);
            PartialFiles.removeOnStop(partial);
            Files.createDirectories(partial);
            Result result = previous != null ? recrop(source, previous, partial) : detect(source, input, partial);
            if (result.faces == 0) {
                throw new NoFaceFound(result.otherPeople > 0
                        ? "no face of the reference person found in " + input + " (" + result.otherPeople + " faces of others)"
                        : "no face found in " + input + " (" + result.frames.size() + " frames looked at)");
            }
            publish(partial, output);
            Alignments alignments = wanted.withFrames(result.frames);
            alignments.write(alignmentsFile);
            removeStaleCrops(earlier, alignments, output);
            int withoutFace = (int) result.frames.stream().filter(f -> f.faces().isEmpty()).count();
            return new Summary(result.frames.size(), result.faces, result.skipped, withoutFace, previous != null,
                    Duration.ofNanos(System.nanoTime() - start), result.timer.totals(), result.timer.perItem(result.frames.size()),
                    result.otherPeople);
        } catch (IOException e) {
            throw new FaceswapException("cannot write to " + output + ": " + Messages.firstLine(e), e);
        } finally {
            FileTrees.deleteQuietly(partial);
            PartialFiles.done(partial);
        }
    }

    private record Result(List<FrameRecord> frames, int faces, int skipped, int otherPeople, StageTimer timer) {}

    /** A frame looked at and its faces, before the person decision (which waits for the whole video). */
    private record Looked(int frame, String source, List<TrackedFace> faces) {}

    private Result detect(FrameSource source, Path input, Path partial) {
        StageTimer timer = new StageTimer();
        List<Looked> looked = new ArrayList<>();
        int found = 0;
        String stem = stem(input);
        try (FaceDetector faceDetector = detector.get();
                LandmarkPredictor predictor = landmarks.get();
                FaceEmbedder faceEmbedder = settings.identifies() ? embedder.get() : null;
                ProgressBar bar = progressBar(source)) {
            FaceTracker tracker = new FaceTracker(faceDetector, predictor, faceEmbedder,
                    new FaceChoice(settings.people(), settings.largestOnly(), settings.minSize()), timer);
            long t = System.nanoTime();
            int decoded = 0;
            for (Frame frame; (frame = source.next()) != null; ) {
                t = timer.lap("decode", t);
                decoded++;
                if (frame.index() % settings.every() != 0) {
                    continue;
                }
                Looked faces = new Looked(frame.index(), frame.source(), tracker.next(List.of(frame.image())).get(0));
                t = System.nanoTime();
                for (TrackedFace face : faces.faces()) {
                    Image crop = FaceAligner.crop(frame.image(), cropTransform(face), settings.cropSize());
                    t = timer.lap("align", t);
                    OpenCvImages.writeImage(crop, partial.resolve(cropName(stem, faces, face)));
                    t = timer.lap("write", t);
                }
                looked.add(faces);
                found += faces.faces().size();
                bar.step();
                bar.setExtraMessage(", " + found + " faces");
                t = System.nanoTime();
            }
            if (source.frameCount() > decoded) {
                log.warn("{} announces {} frames, {} could be decoded: the file is damaged or cut short", input, source.frameCount(), decoded);
            }
            List<FrameRecord> frames = new ArrayList<>(looked.size());
            for (Looked faces : looked) {
                frames.add(chosen(faces, tracker, stem, partial));
            }
            int kept = frames.stream().mapToInt(f -> f.faces().size()).sum();
            return new Result(frames, kept, tracker.tooSmall(), found - kept, timer);
        }
    }

    /** The records of the faces the person decision keeps (after the whole video: every face of a track has voted); the other crops go. */
    private FrameRecord chosen(Looked frame, FaceTracker tracker, String stem, Path partial) {
        List<TrackedFace> chosen = tracker.chosen(frame.faces());
        List<FaceRecord> records = new ArrayList<>(chosen.size());
        for (TrackedFace face : frame.faces()) {
            String crop = cropName(stem, frame, face);
            if (!chosen.contains(face)) {
                FileTrees.deleteQuietly(partial.resolve(crop));
                continue;
            }
            PersonFilter.Verdict verdict = face.verdict();
            Double distance = verdict == null || Double.isNaN(verdict.distance()) ? null : verdict.distance();
            records.add(new FaceRecord(face.index(), face.detection().box(), face.detection().score(), face.landmarks().points(),
                    cropTransform(face), crop, face.track(), distance, settings.keepDescriptors() ? face.descriptor() : null));
        }
        return new FrameRecord(frame.frame(), frame.source(), records);
    }

    private Affine cropTransform(TrackedFace face) {
        return FaceAligner.cropTransform(face.landmarks(), settings.cropSize(), settings.padding());
    }

    /** The crop's file name: frame number and face index, after the input (a video) or the frame's own image file. */
    private static String cropName(String stem, Looked frame, TrackedFace face) {
        return frame.source() != null
                ? String.format(Locale.ROOT, "%06d_%s_%d.png", frame.frame(), stem(Path.of(frame.source())), face.index())
                : String.format(Locale.ROOT, "%s_%06d_%d.png", stem, frame.frame(), face.index());
    }

    /** Re-run: the crops again from the saved matrices, without detecting. */
    private Result recrop(FrameSource source, Alignments previous, Path partial) {
        log.info("reusing {} ({} faces in {} frames); delete it to detect again", Alignments.FILE_NAME, previous.faceCount(),
                previous.frames().size());
        StageTimer timer = new StageTimer();
        Map<Integer, FrameRecord> byIndex = new HashMap<>();
        previous.frames().forEach(f -> byIndex.put(f.frame(), f));
        try (ProgressBar bar = progressBar(source)) {
            long t = System.nanoTime();
            for (Frame frame; (frame = source.next()) != null; ) {
                FrameRecord record = byIndex.get(frame.index());
                t = timer.lap("decode", t);
                if (record == null) {
                    continue;
                }
                for (FaceRecord face : record.faces()) {
                    OpenCvImages.writeImage(FaceAligner.crop(frame.image(), face.matrix(), settings.cropSize()), partial.resolve(face.crop()));
                }
                t = timer.lap("align+write", t);
                bar.step();
            }
        }
        return new Result(previous.frames(), previous.faceCount(), 0, 0, timer);
    }

    private ProgressBar progressBar(FrameSource source) {
        return ProgressBars.of("extract", "frames",
                source.frameCount() == 0 ? -1 : (source.frameCount() + settings.every() - 1) / settings.every(), settings.progress());
    }

    private Alignments describeInput(Path input) {
        Path absolute = input.toAbsolutePath().normalize();
        try {
            long bytes = Files.isRegularFile(absolute) ? Files.size(absolute) : 0;
            long modified = Files.exists(absolute) ? Files.getLastModifiedTime(absolute).toMillis() : 0;
            return new Alignments(Alignments.VERSION, absolute.toString(), bytes, modified, settings.cropSize(), settings.padding(),
                    settings.every(), settings.largestOnly(), List.of(), settings.frames().toString(), settings.people().describe());
        } catch (IOException e) {
            throw new FaceswapException("cannot read input " + input + ": " + Messages.firstLine(e), e);
        }
    }

    /**
     * The output folder must be new, empty, or hold an earlier extraction of the same input
     * ({@code earlier}, its alignments): faces of something else are never mixed in or overwritten.
     */
    private static void checkOutputFolder(Path input, Path output, Alignments earlier, Alignments wanted) {
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new FaceswapException("cannot create output folder " + output + ": " + Messages.firstLine(e), e);
        }
        if (!Files.isWritable(output)) {
            throw new FaceswapException("output folder " + output + " is not writable");
        }
        if (earlier != null) {
            if (!earlier.input().equals(wanted.input())) {
                throw new FaceswapException(output + " already holds faces extracted from " + earlier.input()
                        + "; choose another --output folder for " + input);
            }
            return;
        }
        try (Stream<Path> entries = Files.list(output)) {
            if (entries.anyMatch(p -> !p.getFileName().toString().equals(PARTIAL))) {
                throw new FaceswapException("output folder " + output + " is not empty and holds no " + Alignments.FILE_NAME
                        + "; choose an empty or new folder");
            }
        } catch (IOException e) {
            throw new FaceswapException("cannot list output folder " + output + ": " + Messages.firstLine(e), e);
        }
    }

    /** Crops of an earlier run with other settings that this run did not write again. */
    private static void removeStaleCrops(Alignments earlier, Alignments now, Path output) throws IOException {
        if (earlier == null) {
            return;
        }
        java.util.Set<String> current = new java.util.HashSet<>();
        now.frames().forEach(f -> f.faces().forEach(face -> current.add(face.crop())));
        for (FrameRecord frame : earlier.frames()) {
            for (FaceRecord face : frame.faces()) {
                if (!current.contains(face.crop())) {
                    Files.deleteIfExists(output.resolve(face.crop()));
                }
            }
        }
    }

    private static void publish(Path partial, Path output) throws IOException {
        try (Stream<Path> files = Files.list(partial)) {
            for (Path file : files.toList()) {
                Files.move(file, output.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    static String stem(Path input) {
        String name = input.toAbsolutePath().normalize().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 && !Files.isDirectory(input) ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
    }

}
