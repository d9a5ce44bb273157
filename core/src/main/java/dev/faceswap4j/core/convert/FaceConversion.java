package dev.faceswap4j.core.convert;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.core.face.FaceWindow;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.people.FaceTracker;
import dev.faceswap4j.core.people.TrackedFace;
import dev.faceswap4j.core.util.StageTimer;
import dev.faceswap4j.core.video.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Convert's work on the frames, on the calling thread of {@link FramePipeline}: for each batch, the faces found,
 * described and followed ({@link FaceTracker}) → the person decision (choosing a person, a second of video later) →
 * landmarks smoothed across frames → the model's face window → one swap call for the batch → warped back, masked,
 * colour matched and blended. Frames without a face pass through unchanged.
 */
final class FaceConversion implements FramePipeline.Work {

    /** Frames a person decision waits for (a second of video): a track's first faces, seen badly, are outvoted by its next. */
    private static final int DECISION_LOOKAHEAD = 25;

    /** The trained model's side of the work: its swapper, the window its faces are cut from, and which way it swaps. */
    record Model(Swapper swapper, FaceWindow window, Direction direction) {}

    private final ConvertSettings settings;
    private final FaceTracker tracker;
    private final Model model;
    private final StageTimer timer;
    private final LandmarkSmoother smoother;
    /** The model faces shown in the previous frame, by track: convert.temporal mixes them into the next. */
    private Map<Integer, Image> previousFaces = Map.of();
    private final FaceCompositor compositor;
    /** Which frames count in {@link #faces} and {@link #framesWithoutFace}: a segment's own, not those it decodes around them. */
    private final IntPredicate counted;
    private int faces;
    private int framesWithoutFace;
    private int countedFrames;

    FaceConversion(ConvertSettings settings, ConvertStages stages, FaceTracker tracker, Model model, StageTimer timer, IntPredicate counted) {
        this.settings = settings;
        this.compositor = new FaceCompositor(settings, stages);
        this.smoother = new LandmarkSmoother(settings.smooth());
        this.tracker = tracker;
        this.model = model;
        this.timer = timer;
        this.counted = counted;
    }

    /** Faces swapped so far. */
    int faces() {
        return faces;
    }

    int framesWithoutFace() {
        return framesWithoutFace;
    }

    /** Frames converted that {@code counted} keeps. */
    int countedFrames() {
        return countedFrames;
    }

    @Override
    public List<Image> next(List<Frame> batch, boolean end) {
        List<List<TrackedFace>> found = tracker.next(batch.stream().map(Frame::image).toList());
        for (int f = 0; f < batch.size(); f++) {
            pending.add(new Found(batch.get(f), found.get(f)));
        }
        return convertReady(end);
    }

    /** One frame and its faces, before the person decision. */
    private record Found(Frame frame, List<TrackedFace> faces) {}

    /** Frames found but not yet converted: the person decision waits for the track's next frames. */
    private final ArrayDeque<Found> pending = new ArrayDeque<>();

    /**
     * Converts the queued frames whose tracks have been seen {@value #DECISION_LOOKAHEAD} frames further on
     * (all of them at the {@code end}), so the person decision of a track's first frames has its later
     * faces' votes too; without a reference there is nothing to wait for.
     */
    private List<Image> convertReady(boolean end) {
        int wait = !tracker.choosing() || end ? 0 : DECISION_LOOKAHEAD;
        List<Found> ready = new ArrayList<>();
        while (pending.size() > wait) {
            ready.add(pending.poll());
        }
        long t = System.nanoTime();
        List<List<Cut>> cuts = new ArrayList<>(ready.size());
        List<Image> cutOut = new ArrayList<>();
        for (Found found : ready) {
            List<Cut> frameCuts = cut(found);
            for (Cut cut : frameCuts) {
                cutOut.add(OpenCvImages.warpAffine(found.frame().image(), cut.frameToFace(), model.window().faceSize(), model.window().faceSize()));
            }
            cuts.add(frameCuts);
        }
        t = timer.lap("align", t);
        List<Swapper.MaskedFace> swapped = cutOut.isEmpty() ? List.of() : model.swapper().swapWithMasks(cutOut, model.direction());
        t = timer.lap("swap", t);
        Iterator<Swapper.MaskedFace> swappedFaces = swapped.iterator();
        List<Image> result = new ArrayList<>(ready.size());
        for (int f = 0; f < ready.size(); f++) {
            Frame frame = ready.get(f).frame();
            result.add(paste(frame.image(), cuts.get(f), swappedFaces, counted.test(frame.index())));
        }
        timer.lap("blend", t);
        return result;
    }

    /** A chosen face on its way through the model: its track, its landmarks smoothed across frames, frame → model-face pixels. */
    private record Cut(int track, Landmarks landmarks, Affine frameToFace) {}

    /** The faces of a frame the person decision keeps, where the model's faces are cut from. */
    private List<Cut> cut(Found found) {
        List<TrackedFace> chosen = tracker.chosen(found.faces());
        int[] tracks = chosen.stream().mapToInt(TrackedFace::track).toArray();
        List<Landmarks> smoothed = smoother.next(tracks, chosen.stream().map(TrackedFace::landmarks).toList());
        List<Cut> cuts = new ArrayList<>(smoothed.size());
        for (int k = 0; k < smoothed.size(); k++) {
            cuts.add(new Cut(tracks[k], smoothed.get(k), model.window().frameToFace(smoothed.get(k))));
        }
        return cuts;
    }

    /** The frame with its swapped faces (the next of {@code swapped}, one per cut) blended in; unchanged without a face. */
    private Image paste(Image image, List<Cut> cuts, Iterator<Swapper.MaskedFace> swapped, boolean count) {
        Map<Integer, Image> shown = new HashMap<>();
        if (count) {
            countedFrames++;
        }
        if (cuts.isEmpty()) {
            if (count) {
                framesWithoutFace++;
            }
            previousFaces = shown;
            return image;
        }
        try (Mat canvas = OpenCvImages.toMat(image)) {
            for (Cut cut : cuts) {
                Swapper.MaskedFace output = swapped.next();
                Image swappedFace = toBgr(output.face());
                Image before = previousFaces.get(cut.track());
                if (settings.temporal() > 0 && before != null) {
                    swappedFace = FaceBlend.mix(before, swappedFace, settings.temporal());
                }
                shown.put(cut.track(), swappedFace);
                FaceCompositor.Placement placement = compositor.place(cut.frameToFace(), swappedFace, output.mask(), cut.landmarks(),
                        image.width(), image.height());
                if (placement != null) {
                    compositor.blend(canvas, placement);
                    if (count) {
                        faces++;
                    }
                }
            }
            previousFaces = shown;
            return OpenCvImages.toImage(canvas, ChannelOrder.BGR);
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
}
