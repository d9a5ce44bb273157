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
import dev.faceswap4j.core.extract.FaceFinder;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.people.FaceChips;
import dev.faceswap4j.core.people.FaceTracks;
import dev.faceswap4j.core.people.PersonFilter;
import dev.faceswap4j.core.people.TrackVotes;
import dev.faceswap4j.core.util.StageTimer;
import dev.faceswap4j.core.video.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Convert's work on the frames, on the calling thread of {@link FramePipeline}: for each batch, faces →
 * landmarks → descriptors and tracks (choosing a person) → the person decision → landmarks smoothed
 * across frames → the model's face window → one swap call for the batch → warped back, masked, colour
 * matched and blended. Frames without a face pass through unchanged.
 */
final class FaceConversion implements FramePipeline.Work {

    /** Frames a person decision waits for (a second of video): a track's first faces, seen badly, are outvoted by its next. */
    private static final int DECISION_LOOKAHEAD = 25;

    private final ConvertSettings settings;
    private final FaceFinder finder;
    private final FaceEmbedder embedder;
    private final PersonFilter filter;
    private final Swapper swapper;
    private final FaceWindow window;
    private final Direction direction;
    private final StageTimer timer;
    private final FaceTracks tracks;
    private final TrackVotes votes = new TrackVotes();
    private final LandmarkSmoother smoother;
    /** The model faces shown in the previous frame, by track: convert.temporal mixes them into the next. */
    private Map<Integer, Image> previousFaces = Map.of();
    private final FaceCompositor compositor;
    private int faces;
    private int framesWithoutFace;

    FaceConversion(ConvertSettings settings, ConvertStages stages, FaceDetector detector, LandmarkPredictor predictor,
            FaceEmbedder embedder, PersonFilter filter, Swapper swapper, FaceWindow window, Direction direction, StageTimer timer) {
        this.settings = settings;
        this.compositor = new FaceCompositor(settings, stages);
        this.smoother = new LandmarkSmoother(settings.smooth());
        // Choosing a person, the largest of that person's faces is kept at the decision instead.
        this.finder = new FaceFinder(detector, predictor, 0, settings.largestOnly() && filter == null, timer);
        this.embedder = embedder;
        this.filter = filter;
        this.swapper = swapper;
        this.window = window;
        this.direction = direction;
        this.timer = timer;
        this.tracks = FaceTracks.of(embedder);
    }

    /** Faces swapped so far. */
    int faces() {
        return faces;
    }

    int framesWithoutFace() {
        return framesWithoutFace;
    }

    @Override
    public List<Image> next(List<Frame> batch, boolean end) {
        find(batch);
        return convertReady(end);
    }

    /** One frame's faces, largest first, with their tracks and each face's own person verdict, before the decision. */
    private record Found(Frame frame, List<Landmarks> points, int[] tracks, boolean[] verdicts) {}

    /** Frames found but not yet converted: the person decision waits for the track's next frames. */
    private final ArrayDeque<Found> pending = new ArrayDeque<>();

    /** Detection, landmarks, descriptors, tracks and votes for {@code frames}, queued for {@link #convertReady}. */
    private void find(List<Frame> frames) {
        List<List<Detection>> detected = new ArrayList<>(frames.size());
        List<List<Landmarks>> points = new ArrayList<>(frames.size());
        List<Image> chips = new ArrayList<>();
        for (Frame frame : frames) {
            List<FaceFinder.Found> found = finder.find(frame.image());
            List<Detection> detections = found.stream().map(FaceFinder.Found::detection).toList();
            List<Landmarks> faces = found.stream().map(FaceFinder.Found::landmarks).toList();
            if (embedder != null) {
                faces.forEach(face -> chips.add(FaceChips.ofFrame(frame.image(), face, embedder.chipSize())));
            }
            detected.add(detections);
            points.add(faces);
        }
        List<float[]> descriptors = List.of();
        if (embedder != null) {
            long t = System.nanoTime();
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
    private List<Image> convertReady(boolean end) {
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
        List<Swapper.MaskedFace> swapped = cutOut.isEmpty() ? List.of() : swapper.swapWithMasks(cutOut, direction);
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
                    Image swappedFace = toBgr(swapped.get(next).face());
                    Image before = previousFaces.get(ids[k]);
                    if (settings.temporal() > 0 && before != null) {
                        swappedFace = FaceBlend.mix(before, swappedFace, settings.temporal());
                    }
                    shown.put(ids[k], swappedFace);
                    FaceCompositor.Placement placement = compositor.place(windows.get(next), swappedFace, swapped.get(next).mask(),
                            points.get(k), image.width(), image.height());
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
}
