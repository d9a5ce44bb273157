package dev.faceswap4j.core.convert;

import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.core.face.FaceWindow;
import dev.faceswap4j.core.people.FaceChoice;
import dev.faceswap4j.core.people.FaceTracker;
import dev.faceswap4j.core.util.ProgressBars;
import dev.faceswap4j.core.util.StageTimer;
import dev.faceswap4j.core.video.AudioTrack;
import dev.faceswap4j.core.video.FrameSink;
import dev.faceswap4j.core.video.FrameSource;
import dev.faceswap4j.core.video.OwnFramesSink;
import dev.faceswap4j.core.video.Segment;
import dev.faceswap4j.core.video.VideoIndex;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversion of a video or image folder: opens the input, the output (with the input's audio) and
 * the stages, and runs the frames through {@link FramePipeline} (decode and encode on their own
 * threads) with {@link FaceConversion} doing the face work; the output is committed only when
 * every frame went through and at least one face was swapped.
 */
public final class Converter {

    private static final Logger log = LoggerFactory.getLogger(Converter.class);

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

    /** --overwrite replaces an earlier output, never the input it is made from (a folder of frames included). */
    private static void refuseToReplaceTheInput(Path input, Path output) {
        try {
            if (Files.exists(output) && Files.exists(input) && Files.isSameFile(input, output)) {
                throw new FaceswapException("output " + output + " is the input; choose another name for the result");
            }
        } catch (IOException e) {
            throw new FaceswapException("cannot read " + output + ": " + Messages.firstLine(e), e);
        }
    }

    /** Converts {@code input} into {@code output}: a video (audio copied from the input) or a folder of PNGs. */
    public Summary run(Path input, Swapper swapper, FaceWindow window, Direction direction, Path output, boolean overwrite) {
        checkMask(swapper);
        refuseToReplaceTheInput(input, output);
        try (FrameSource source = FrameSource.open(input, settings.frames());
                FrameSink sink = FrameSink.openWithAudio(output, settings.video(), source.frameRate(), audioOf(input, source), overwrite)) {
            Summary summary = convert(source, sink, swapper, window, direction, frame -> true, source.frameCount(), input);
            if (summary.faces() == 0) {
                throw new FaceswapException("no face found in " + input + " (" + summary.frames() + " frames); nothing written");
            }
            sink.commit();
            return summary;
        }
    }

    /**
     * Converts the frames {@code segment} decodes of {@code input} (a video as {@code index} describes it, or an image
     * folder: {@code index} null) and writes only its own frames into {@code output}, a video without sound (encoded at the
     * bit rate {@code input}'s whole conversion would have) or a PNG folder; the frames before and after them only carry
     * the tracks, smoothing and person decisions over the cut. A segment may hold no face: the job as a whole decides.
     */
    public Summary runSegment(Path input, VideoIndex index, Segment segment, Swapper swapper, FaceWindow window, Direction direction, Path output) {
        checkMask(swapper);
        try (FrameSource source = FrameSource.open(input, segment, index);
                FrameSink sink = new OwnFramesSink(FrameSink.openPart(output, settings.video(), source.frameRate(), input), segment)) {
            Summary summary = convert(source, sink, swapper, window, direction, segment::owns, segment.decodeEnd() - segment.decodeFirst(), input);
            sink.commit();
            return summary;
        }
    }

    private void checkMask(Swapper swapper) {
        if (stages.mask().needsModelMask() && !swapper.predictsMask()) {
            throw new FaceswapException("convert.mask takes the model's own mask, but this model predicts none"
                    + " (train one with models.autoencoder.learn-mask = true, or use convert.mask = hull)");
        }
    }

    /** Runs {@code source} through the stages into {@code sink} (not committed); counts the faces of the frames {@code counted} keeps. */
    private Summary convert(FrameSource source, FrameSink sink, Swapper swapper, FaceWindow window, Direction direction, IntPredicate counted,
            int expected, Path input) {
        long start = System.nanoTime();
        StageTimer timer = new StageTimer();
        try (FaceDetector faceDetector = detector.get();
                LandmarkPredictor predictor = landmarks.get();
                FaceEmbedder faceEmbedder = settings.people().filters() ? embedder.get() : null;
                ProgressBar bar = progressBar(expected)) {
            FaceTracker tracker = new FaceTracker(faceDetector, predictor, faceEmbedder, new FaceChoice(settings.people(), settings.largestOnly(), 0),
                    timer);
            FaceConversion work = new FaceConversion(settings, stages, tracker, new FaceConversion.Model(swapper, window, direction), timer, counted);
            int frames = new FramePipeline(settings.batchFrames(), timer).run(source, sink, work, written -> {
                bar.stepBy(written);
                bar.setExtraMessage(", " + work.faces() + " faces");
            });
            if (frames == 0) {
                throw new FaceswapException("no frames in " + input);
            }
            if (expected > frames) {
                log.warn("{} announces {} frames, {} could be decoded: damaged frames were skipped", input, expected, frames);
            }
            int own = work.countedFrames();
            return new Summary(own, work.faces(), work.framesWithoutFace(), Duration.ofNanos(System.nanoTime() - start), timer.totals(),
                    timer.perItem(own));
        }
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
}
