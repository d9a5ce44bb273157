package dev.faceswap4j.core.evaluate;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.face.Descriptors;
import dev.faceswap4j.core.face.FaceChips;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.util.ProgressBars;
import dev.faceswap4j.core.video.Frame;
import dev.faceswap4j.core.video.FrameRange;
import dev.faceswap4j.core.video.FrameSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges a swapped video against the video it was made from, frame pair by frame pair, with the
 * figures of the face-swap papers: identity (ID retrieval by a recognition network among known
 * people), pose and expression kept (landmarks), background untouched (PSNR away from the face),
 * sharpness, temporal stability (jitter, flicker) and whether a face is still found at all.
 */
public final class SwapEvaluation {

    private static final Logger log = LoggerFactory.getLogger(SwapEvaluation.class);

    /** The 51 inner points (brows, nose, eyes, mouth) start after the 17 of the jaw line. */
    private static final int INNER_FROM = 17;
    /** A swapped face is the source's face when their boxes overlap at least this much. */
    private static final double SAME_FACE_IOU = 0.3;
    /** Around the landmark hull still counted as face (the convert mask's feather), in eye distances. */
    private static final double FACE_MARGIN = 0.25;

    /**
     * @param people name → face folder ({@code extract} output) of everyone ID retrieval chooses among
     * @param sourcePerson the name of the person in the source video
     * @param target the name of the person the swap should show
     * @param facesPerPerson faces of each folder averaged into that person's descriptor
     * @param every judge every n-th frame pair (jitter and flicker need 1)
     * @param gallery photos whose every face is one more person to be retrieved among (a judge harder to flatter than
     *     A, B and a few others)
     */
    public record Settings(Map<String, Path> people, String sourcePerson, String target, int facesPerPerson, int every, boolean progress,
            List<Path> gallery) {
        public Settings {
            people = new LinkedHashMap<>(people);
            gallery = List.copyOf(gallery);
            if (!people.containsKey(sourcePerson) || !people.containsKey(target)) {
                throw new FaceswapException("evaluate needs the faces of " + sourcePerson + " and " + target);
            }
            if (every < 1 || facesPerPerson < 1) {
                throw new FaceswapException("evaluate: every and faces per person must be at least 1");
            }
        }

        /** These settings with every face of {@code photos} as one more person. */
        public Settings withGallery(List<Path> photos) {
            return new Settings(people, sourcePerson, target, facesPerPerson, every, progress, photos);
        }
    }

    public record Result(EvaluationSummary summary, List<FrameFigures> frames) {}

    /**
     * Settings for a swap in {@code direction} between the people "A" and "B" (plus {@code others}, by name):
     * a-to-b judges a video of A that should show B, b-to-a the other way round.
     */
    public static Settings settingsFor(Direction direction, Path facesA, Path facesB, Map<String, Path> others, int facesPerPerson, int every,
            boolean progress) {
        Map<String, Path> people = new LinkedHashMap<>();
        people.put("A", facesA);
        people.put("B", facesB);
        people.putAll(others);
        boolean towardB = direction == Direction.A_TO_B;
        return new Settings(people, towardB ? "A" : "B", towardB ? "B" : "A", facesPerPerson, every, progress, List.of());
    }

    private final FaceDetector detector;
    private final LandmarkPredictor landmarks;
    private final FaceEmbedder embedder;
    private final Settings settings;

    public SwapEvaluation(FaceDetector detector, LandmarkPredictor landmarks, FaceEmbedder embedder, Settings settings) {
        this.detector = detector;
        this.landmarks = landmarks;
        this.embedder = embedder;
        this.settings = settings;
    }

    /** A face found in a frame: its box and landmarks. */
    private record Face(Rect box, Landmarks points) {}

    /** What is kept of the previous frame pair for the temporal figures. */
    private record Previous(int frame, Face source, Face swapped, double[] sourceLuma, double[] swappedLuma) {}

    public Result run(Path source, FrameRange sourceFrames, Path swapped) {
        Identities identities = new Identities(embedder);
        settings.people().forEach((name, folder) -> identities.add(name, folder, settings.facesPerPerson()));
        addGallery(identities);
        List<Measured> measured = new ArrayList<>();
        List<Image> chips = new ArrayList<>();
        try (FrameSource sourceVideo = FrameSource.open(source, sourceFrames);
                FrameSource swappedVideo = FrameSource.open(swapped);
                ProgressBar bar = progressBar(sourceVideo.frameCount())) {
            if (sourceVideo.frameCount() > 0 && swappedVideo.frameCount() > 0 && Math.abs(sourceVideo.frameCount() - swappedVideo.frameCount()) > 1) {
                throw new FaceswapException("different frame counts: " + source + " has " + sourceVideo.frameCount() + " frames"
                        + (sourceFrames.isAll() ? "" : " in " + sourceFrames) + ", " + swapped + " has " + swappedVideo.frameCount()
                        + "; name the frames that were converted with --frames");
            }
            Previous previous = null;
            int pairs = 0;
            while (true) {
                Frame a = sourceVideo.next();
                Frame b = swappedVideo.next();
                if (a == null || b == null) {
                    // FFmpeg's announced counts may be off by one; a longer gap means the wrong pair of videos.
                    Frame rest = a != null ? a : b;
                    if (rest != null && (a != null ? sourceVideo : swappedVideo).next() != null) {
                        throw new FaceswapException("different frame counts: " + (a != null ? swapped : source) + " ended after " + pairs
                                + " frames, " + (a != null ? source : swapped) + " goes on; name the frames that were converted with --frames");
                    }
                    break;
                }
                if (a.image().width() != b.image().width() || a.image().height() != b.image().height()) {
                    throw new FaceswapException("frame sizes differ: " + source + " is " + a.image().width() + "x" + a.image().height() + ", "
                            + swapped + " is " + b.image().width() + "x" + b.image().height());
                }
                int pair = pairs++;
                bar.step();
                if (pair % settings.every() != 0) {
                    continue;
                }
                Measured m = measure(a, b, previous != null && previous.frame == a.index() - settings.every() ? previous : null);
                measured.add(m);
                if (m.sourceChip != null) {
                    m.sourceChipIndex = chips.size();
                    chips.add(m.sourceChip);
                    m.sourceChip = null;
                }
                if (m.swappedChip != null) {
                    m.swappedChipIndex = chips.size();
                    chips.add(m.swappedChip);
                    m.swappedChip = null;
                }
                previous = m.next;
                m.next = null;
            }
        }
        if (measured.stream().noneMatch(m -> m.source != null)) {
            throw new FaceswapException("no face found in " + source + (sourceFrames.isAll() ? "" : " (frames " + sourceFrames + ")"));
        }
        measureExpression(measured);
        List<float[]> descriptors = identities.embed(chips);
        List<FrameFigures> frames = measured.stream().map(m -> m.figures(identities, descriptors, settings)).toList();
        EvaluationSummary summary = EvaluationSummary.of(new EvaluationSummary.Subject(source.toString(), swapped.toString(), settings.target(),
                settings.sourcePerson(), identities.names()), frames);
        return new Result(summary, frames);
    }

    /** Each face the detector finds in the gallery's photos, as a person of its own named after the photo. */
    private void addGallery(Identities identities) {
        for (Path photo : settings.gallery()) {
            Image image = Images.readBgr(photo);
            List<Landmarks> faces = detector.detect(image).stream().map(d -> landmarks.predict(image, d.box())).toList();
            String name = photo.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            if (identities.addPhoto(name, image, faces) == 0) {
                log.warn("no face found in gallery photo {}", photo);
            }
        }
    }

    /** One frame pair's figures before the identity figures, which are computed for all faces in batches at the end. */
    private static final class Measured {
        int frame;
        Face source;
        Face swapped;
        Image sourceChip;
        Image swappedChip;
        int sourceChipIndex = -1;
        int swappedChipIndex = -1;
        LandmarkFigures landmarks = LandmarkFigures.NONE;
        FrameFigures.Pixels pixels = FrameFigures.Pixels.NONE;
        FrameFigures.Stability stability = FrameFigures.Stability.NONE;
        Previous next;

        FrameFigures figures(Identities identities, List<float[]> descriptors, Settings settings) {
            float[] target = identities.mean(settings.target());
            float[] own = identities.mean(settings.sourcePerson());
            float[] src = sourceChipIndex < 0 ? null : descriptors.get(sourceChipIndex);
            float[] out = swappedChipIndex < 0 ? null : descriptors.get(swappedChipIndex);
            FrameFigures.Identity identity = new FrameFigures.Identity(out == null ? "" : identities.nearest(out),
                    src == null ? "" : identities.nearest(src),
                    out == null ? Double.NaN : Descriptors.distance(out, target), out == null ? Double.NaN : Descriptors.distance(out, own),
                    src == null ? Double.NaN : Descriptors.distance(src, target), out == null ? Double.NaN : Descriptors.cosine(out, target),
                    out == null ? 0 : identities.rank(out, settings.target()), out == null ? Double.NaN : identities.margin(out, settings.target()));
            return new FrameFigures(frame, source != null, swapped != null, identity, landmarks, pixels, stability);
        }
    }

    /** The expression figures of the frame pairs with both faces, which need the whole video's mean shapes. */
    private static void measureExpression(List<Measured> measured) {
        List<Measured> both = measured.stream().filter(m -> m.source != null && m.swapped != null).toList();
        ExpressionMotion.Result motion = ExpressionMotion.of(both.stream().map(m -> m.source.points()).toList(),
                both.stream().map(m -> m.swapped.points()).toList());
        for (int i = 0; i < both.size(); i++) {
            Measured m = both.get(i);
            m.landmarks = m.landmarks.withExpression(motion.errors().get(i), motion.parts().get(i), motion.frozen().get(i));
        }
    }

    private Measured measure(Frame sourceFrame, Frame swappedFrame, Previous previous) {
        Measured m = new Measured();
        m.frame = sourceFrame.index();
        Image src = sourceFrame.image();
        Image out = swappedFrame.image();
        m.source = largestFace(src).orElse(null);
        if (m.source == null) {
            return m;
        }
        m.swapped = faceAt(out, m.source.box()).orElse(null);
        m.sourceChip = FaceChips.ofFrame(src, m.source.points(), embedder.chipSize());
        if (m.swapped == null) {
            return m;
        }
        m.swappedChip = FaceChips.ofFrame(out, m.swapped.points(), embedder.chipSize());
        double eyes = LandmarkParts.eyeDistance(m.source.points());
        m.landmarks = LandmarkFigures.pose(LandmarkParts.meanDistance(m.swapped.points(), m.source.points(), 0, Landmarks.DLIB_68) / eyes,
                LandmarkParts.meanDistance(m.swapped.points(), m.source.points(), INNER_FROM, Landmarks.DLIB_68) / eyes,
                LandmarkParts.between(m.swapped.points(), m.source.points(), eyes));
        FaceRegion region = FaceRegion.of(m.source.points(), src.width(), src.height(), (int) Math.round(FACE_MARGIN * eyes));
        double[] srcLuma = FaceRegion.luma(src);
        double[] outLuma = FaceRegion.luma(out);
        m.pixels = new FrameFigures.Pixels(region.psnrOutside(src, out), region.psnrInside(src, out), region.sharpness(srcLuma),
                region.sharpness(outLuma));
        if (previous != null && previous.swapped != null) {
            m.stability = new FrameFigures.Stability(
                    addedMotion(previous.source.points(), m.source.points(), previous.swapped.points(), m.swapped.points()) / eyes,
                    region.lumaChange(previous.sourceLuma, srcLuma), region.lumaChange(previous.swappedLuma, outLuma));
        }
        m.next = new Previous(m.frame, m.source, m.swapped, srcLuma, outLuma);
        return m;
    }

    private Optional<Face> largestFace(Image frame) {
        return detector.detect(frame).stream().max(Comparator.comparingDouble(d -> d.box().area()))
                .map(d -> new Face(d.box(), landmarks.predict(frame, d.box())));
    }

    private Optional<Face> faceAt(Image frame, Rect where) {
        return detector.detect(frame).stream().filter(d -> d.box().iou(where) >= SAME_FACE_IOU)
                .max(Comparator.comparingDouble((Detection d) -> d.box().iou(where)))
                .map(d -> new Face(d.box(), landmarks.predict(frame, d.box())));
    }

    /**
     * The motion the swap added from one frame to the next: mean over the points of |swapped motion| minus
     * mean |source motion|, in pixels. Zero when the swapped face moves as much as the source (whose own
     * landmark noise thus cancels), positive when it wobbles more, negative when it is steadier.
     */
    private static double addedMotion(Landmarks source0, Landmarks source1, Landmarks swapped0, Landmarks swapped1) {
        double swappedMotion = 0;
        double sourceMotion = 0;
        for (int i = 0; i < source1.size(); i++) {
            swappedMotion += Math.hypot(swapped1.get(i).x() - swapped0.get(i).x(), swapped1.get(i).y() - swapped0.get(i).y());
            sourceMotion += Math.hypot(source1.get(i).x() - source0.get(i).x(), source1.get(i).y() - source0.get(i).y());
        }
        return (swappedMotion - sourceMotion) / source1.size();
    }

    private ProgressBar progressBar(int frames) {
        return ProgressBars.of("evaluate", "frames", frames == 0 ? -1 : frames, settings.progress());
    }
}
