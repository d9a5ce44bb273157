package dev.faceswap4j.core.convert;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.people.FaceChips;
import dev.faceswap4j.core.people.FaceTracks;
import dev.faceswap4j.core.people.PersonFilter;
import dev.faceswap4j.core.people.TrackVotes;
import dev.faceswap4j.core.util.ProgressBars;
import dev.faceswap4j.core.util.StageTimer;
import dev.faceswap4j.core.video.AudioTrack;
import dev.faceswap4j.core.video.Frame;
import dev.faceswap4j.core.video.FrameSink;
import dev.faceswap4j.core.video.FrameSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversion: every frame → faces → landmarks (smoothed across frames) → the model's face window →
 * swap (the faces of {@code batch-frames} frames in one model call) → warped back, masked, colour
 * matched and blended → the output. Decoding and encoding run on their own threads, so the
 * per-frame work overlaps with both; frames without a face pass through unchanged.
 */
public final class Converter {

    private static final Logger log = LoggerFactory.getLogger(Converter.class);

    private static final int QUEUE = 8;
    /** Frames a person decision waits for (a second of video): a track's first faces, seen badly, are outvoted by its next. */
    private static final int DECISION_LOOKAHEAD = 25;
    private static final Frame END_OF_INPUT = new Frame(-1, null, null);
    private static final Image END_OF_OUTPUT = new Image(1, 1, ChannelOrder.GRAY, new byte[1]);

    /** What a run did; {@code stages} is wall time per stage, summed over the threads. */
    public record Summary(int frames, int faces, int framesWithoutFace, Duration elapsed, Map<String, Duration> stages, String perFrame) {
        public String describe() {
            return String.format(Locale.ROOT, "%d frames, %d faces swapped, %d frames without a face, %.1f s (%.2f frames/s)", frames, faces,
                    framesWithoutFace, elapsed.toMillis() / 1000.0, frames / Math.max(1e-9, elapsed.toNanos() / 1e9));
        }
    }

    private final Supplier<FaceDetector> detector;
    private final Supplier<LandmarkPredictor> landmarks;
    private final Supplier<FaceEmbedder> embedder;
    private final ConvertSettings settings;
    private final ConvertStages stages;
    private final boolean progress;

    /** {@code embedder} (may be null) is created only when the settings swap one person's faces. */
    public Converter(Supplier<FaceDetector> detector, Supplier<LandmarkPredictor> landmarks, Supplier<FaceEmbedder> embedder,
            ConvertSettings settings, ConvertStages stages, boolean progress) {
        this.detector = detector;
        this.landmarks = landmarks;
        this.embedder = embedder;
        this.settings = settings;
        this.stages = stages;
        this.progress = progress;
        if (settings.people().filters() && embedder == null) {
            throw new FaceswapException("swapping one person's faces needs a face embedder (faceswap4j.embedder)");
        }
    }

    public Converter(Supplier<FaceDetector> detector, Supplier<LandmarkPredictor> landmarks, ConvertSettings settings, ConvertStages stages,
            boolean progress) {
        this(detector, landmarks, null, settings, stages, progress);
    }

    /** Converts {@code input} into {@code output}: a video (audio copied from the input) or a folder of PNGs. */
    public Summary run(Path input, Swapper swapper, FaceWindow window, Direction direction, Path output, boolean overwrite) {
        long start = System.nanoTime();
        StageTimer timer = new StageTimer();
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "convert-io");
            thread.setDaemon(true);
            return thread;
        });
        try (FrameSource source = FrameSource.open(input, settings.frames());
                FrameSink sink = FrameSink.openWithAudio(output, settings.video(), source.frameRate(), audioOf(input, source), overwrite);
                FaceDetector faceDetector = detector.get();
                LandmarkPredictor predictor = landmarks.get();
                FaceEmbedder faceEmbedder = settings.people().filters() ? embedder.get() : null;
                ProgressBar bar = progressBar(source.frameCount())) {
            PersonFilter filter = faceEmbedder == null ? null : PersonFilter.load(settings.people(), faceDetector, predictor, faceEmbedder);
            // The I/O threads use the source and sink: stop them before those close, whatever happened.
            try {
                BlockingQueue<Frame> decoded = new ArrayBlockingQueue<>(QUEUE);
                BlockingQueue<Image> converted = new ArrayBlockingQueue<>(QUEUE);
                Future<?> decoding = threads.submit(() -> {
                    long t = System.nanoTime();
                    for (Frame frame; (frame = source.next()) != null; ) {
                        t = timer.lap("decode", t);
                        put(decoded, frame, null);
                        t = System.nanoTime();
                    }
                    put(decoded, END_OF_INPUT, null);
                    return null;
                });
                Future<?> encoding = threads.submit(() -> {
                    for (Image image; (image = take(converted, null)) != END_OF_OUTPUT; ) {
                        long t = System.nanoTime();
                        sink.write(image);
                        timer.lap("encode", t);
                    }
                    return null;
                });
                FrameWork work = new FrameWork(faceDetector, predictor, faceEmbedder, filter, swapper, window, direction, timer);
                int frames = 0;
                List<Frame> batch = new ArrayList<>();
                for (Frame frame; ; ) {
                    frame = take(decoded, decoding);
                    if (frame != END_OF_INPUT) {
                        batch.add(frame);
                    }
                    if (!batch.isEmpty() && batch.size() == settings.batchFrames() || frame == END_OF_INPUT) {
                        work.find(batch);
                        List<Image> done = work.convertReady(frame == END_OF_INPUT);
                        for (Image image : done) {
                            put(converted, image, encoding);
                        }
                        frames += batch.size();
                        bar.stepBy(done.size());
                        bar.setExtraMessage(", " + work.faces + " faces");
                        batch.clear();
                    }
                    if (frame == END_OF_INPUT) {
                        break;
                    }
                }
                put(converted, END_OF_OUTPUT, encoding);
                await(encoding);
                if (frames == 0) {
                    throw new FaceswapException("no frames in " + input);
                }
                if (source.frameCount() > frames) {
                    log.warn("{} announces {} frames, {} could be decoded: damaged frames were skipped", input, source.frameCount(), frames);
                }
                if (work.faces == 0) {
                    throw new FaceswapException("no face found in " + input + " (" + frames + " frames); nothing written");
                }
                sink.commit();
                return new Summary(frames, work.faces, work.framesWithoutFace, Duration.ofNanos(System.nanoTime() - start), timer.totals(),
                        timer.perItem(frames));
            } finally {
                stop(threads);
            }
        }
    }

    /** The per-frame work on the calling thread: detection through blending, for a batch of frames in order. */
    private final class FrameWork {
        private final FaceDetector detector;
        private final LandmarkPredictor predictor;
        private final FaceEmbedder embedder;
        private final PersonFilter filter;
        private final Swapper swapper;
        private final FaceWindow window;
        private final Direction direction;
        private final StageTimer timer;
        private final FaceTracks tracks;
        private final TrackVotes votes = new TrackVotes();
        private final LandmarkSmoother smoother = new LandmarkSmoother(settings.smooth());
        /** The model faces shown in the previous frame, by track: convert.temporal mixes them into the next. */
        private Map<Integer, Image> previousFaces = Map.of();
        private final FaceCompositor compositor = new FaceCompositor(settings, stages);
        int faces;
        int framesWithoutFace;

        FrameWork(FaceDetector detector, LandmarkPredictor predictor, FaceEmbedder embedder, PersonFilter filter, Swapper swapper,
                FaceWindow window, Direction direction, StageTimer timer) {
            this.detector = detector;
            this.predictor = predictor;
            this.embedder = embedder;
            this.filter = filter;
            this.swapper = swapper;
            this.window = window;
            this.direction = direction;
            this.timer = timer;
            this.tracks = FaceTracks.of(embedder);
        }

        /** One frame's faces, largest first, with their tracks and each face's own person verdict, before the decision. */
        private record Found(Frame frame, List<Landmarks> points, int[] tracks, boolean[] verdicts) {}

        /** Frames found but not yet converted: the person decision waits for the track's next frames. */
        private final ArrayDeque<Found> pending = new ArrayDeque<>();

        /** Detection, landmarks, descriptors, tracks and votes for {@code frames}, queued for {@link #convertReady}. */
        void find(List<Frame> frames) {
            List<List<Detection>> detected = new ArrayList<>(frames.size());
            List<List<Landmarks>> points = new ArrayList<>(frames.size());
            List<Image> chips = new ArrayList<>();
            long t = System.nanoTime();
            for (Frame frame : frames) {
                List<Detection> detections = new ArrayList<>(detector.detect(frame.image()));
                t = timer.lap("detect", t);
                detections.sort(Comparator.comparingDouble((Detection d) -> d.box().area()).reversed());
                // Choosing a person, the largest of that person's faces is kept below instead.
                if (settings.largestOnly() && filter == null && detections.size() > 1) {
                    detections = detections.subList(0, 1);
                }
                List<Landmarks> faces = new ArrayList<>();
                for (Detection detection : detections) {
                    faces.add(predictor.predict(frame.image(), detection.box()));
                }
                t = timer.lap("landmarks", t);
                if (embedder != null) {
                    faces.forEach(face -> chips.add(FaceChips.ofFrame(frame.image(), face, embedder.chipSize())));
                }
                detected.add(detections);
                points.add(faces);
            }
            List<float[]> descriptors = List.of();
            if (embedder != null) {
                descriptors = FaceChips.embed(embedder, chips);
                timer.lap("identify", t);
            }
            int next = 0;
            for (int f = 0; f < frames.size(); f++) {
                int count = points.get(f).size();
                List<float[]> own = embedder == null ? null : descriptors.subList(next, next + count);
                next += own == null ? 0 : count;
                int[] ids = tracks.next(detected.get(f).stream().map(Detection::box).toList(), own);
                boolean[] verdicts = new boolean[count];
                for (int k = 0; k < count; k++) {
                    verdicts[k] = filter == null || filter.judge(own.get(k)).keep();
                    if (filter != null) {
                        votes.add(ids[k], verdicts[k]);
                    }
                }
                pending.add(new Found(frames.get(f), points.get(f), ids, verdicts));
            }
        }

        /**
         * Converts the queued frames whose tracks have been seen {@value #DECISION_LOOKAHEAD} frames further on
         * (all of them at the {@code end}), so the person decision of a track's first frames has its later
         * faces' votes too; without a reference there is nothing to wait for.
         */
        List<Image> convertReady(boolean end) {
            int wait = filter == null || end ? 0 : DECISION_LOOKAHEAD;
            List<Frame> frames = new ArrayList<>();
            List<Found> ready = new ArrayList<>();
            while (pending.size() > wait) {
                Found found = pending.poll();
                ready.add(found);
                frames.add(found.frame());
            }
            long t = System.nanoTime();
            List<List<Landmarks>> facesPerFrame = new ArrayList<>();
            List<int[]> tracksPerFrame = new ArrayList<>();
            List<Affine> windows = new ArrayList<>();
            List<Image> cutOut = new ArrayList<>();
            for (Found found : ready) {
                List<Landmarks> chosen = new ArrayList<>();
                List<Integer> chosenTracks = new ArrayList<>();
                int[] ids = found.tracks();
                for (int k = 0; k < ids.length; k++) {
                    if (filter != null && (!votes.keep(ids[k], found.verdicts()[k]) || (settings.largestOnly() && !chosen.isEmpty()))) {
                        continue;
                    }
                    chosen.add(found.points().get(k));
                    chosenTracks.add(ids[k]);
                }
                int[] chosenIds = chosenTracks.stream().mapToInt(Integer::intValue).toArray();
                List<Landmarks> points = smoother.next(chosenIds, chosen);
                for (Landmarks face : points) {
                    Affine frameToFace = window.frameToFace(face);
                    windows.add(frameToFace);
                    cutOut.add(OpenCvImages.warpAffine(found.frame().image(), frameToFace, window.faceSize(), window.faceSize()));
                }
                facesPerFrame.add(points);
                tracksPerFrame.add(chosenIds);
            }
            t = timer.lap("align", t);
            List<Image> swapped = cutOut.isEmpty() ? List.of() : swapper.swap(cutOut, direction);
            t = timer.lap("swap", t);
            List<Image> result = new ArrayList<>(frames.size());
            int next = 0;
            for (int f = 0; f < frames.size(); f++) {
                Image image = frames.get(f).image();
                List<Landmarks> points = facesPerFrame.get(f);
                Map<Integer, Image> shown = new HashMap<>();
                if (points.isEmpty()) {
                    framesWithoutFace++;
                    result.add(image);
                    previousFaces = shown;
                    continue;
                }
                try (Mat canvas = OpenCvImages.toMat(image)) {
                    int[] ids = tracksPerFrame.get(f);
                    for (int k = 0; k < points.size(); k++) {
                        Image swappedFace = toBgr(swapped.get(next));
                        Image before = previousFaces.get(ids[k]);
                        if (settings.temporal() > 0 && before != null) {
                            swappedFace = FaceBlend.mix(before, swappedFace, settings.temporal());
                        }
                        shown.put(ids[k], swappedFace);
                        FaceCompositor.Placement placement = compositor.place(windows.get(next), swappedFace, points.get(k),
                                image.width(), image.height());
                        next++;
                        if (placement != null) {
                            compositor.blend(canvas, placement);
                            faces++;
                        }
                    }
                    result.add(OpenCvImages.toImage(canvas, ChannelOrder.BGR));
                }
                previousFaces = shown;
            }
            timer.lap("blend", t);
            return result;
        }
    }

    private static Image toBgr(Image face) {
        if (face.order() == ChannelOrder.BGR) {
            return face;
        }
        if (face.order() != ChannelOrder.RGB) {
            throw new FaceswapException("the model returned " + face.order() + " faces; convert takes BGR or RGB");
        }
        byte[] pixels = face.pixels().clone();
        for (int i = 0; i < pixels.length; i += 3) {
            byte red = pixels[i];
            pixels[i] = pixels[i + 2];
            pixels[i + 2] = red;
        }
        return new Image(face.width(), face.height(), ChannelOrder.BGR, pixels);
    }

    /** The input's sound under the frames converted. */
    private AudioTrack audioOf(Path input, FrameSource source) {
        if (settings.frames().isAll()) {
            return AudioTrack.whole(input);
        }
        int end = settings.frames().to() == null ? Integer.MAX_VALUE : source.firstFrame() + source.frameCount();
        return AudioTrack.ofFrames(input, source.firstFrame(), end, source.frameRate());
    }

    private ProgressBar progressBar(int frameCount) {
        return ProgressBars.of("convert", "frames", frameCount == 0 ? -1 : frameCount, progress);
    }

    /** Puts into a bounded queue, giving up when the thread that empties it has failed. */
    private static void stop(ExecutorService threads) {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("the decode/encode threads did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> void put(BlockingQueue<T> queue, T item, Future<?> consumer) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (consumer != null && consumer.isDone()) {
                    await(consumer);
                    throw new IllegalStateException("the output thread stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceswapException("conversion interrupted", e);
        }
    }

    /** Takes from a queue, giving up when the thread that fills it has failed. */
    private static <T> T take(BlockingQueue<T> queue, Future<?> producer) {
        try {
            while (true) {
                T item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                if (producer != null && producer.isDone()) {
                    await(producer);
                    throw new IllegalStateException("the input thread stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceswapException("conversion interrupted", e);
        }
    }

    private static void await(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceswapException("conversion interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new FaceswapException("conversion failed: " + cause, cause);
        }
    }
}
