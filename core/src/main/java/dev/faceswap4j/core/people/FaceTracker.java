package dev.faceswap4j.core.people;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.core.face.FaceChips;
import dev.faceswap4j.core.face.FaceFinder;
import dev.faceswap4j.core.face.FaceTracks;
import dev.faceswap4j.core.util.StageTimer;
import java.util.ArrayList;
import java.util.List;

/**
 * The faces of successive frames of one video, the same way for extract, convert and faces: found ({@link FaceFinder}:
 * detection, order, landmarks), described where there is an embedder (their chips in one batch per call), followed
 * ({@link FaceTracks}) and, choosing a person, judged — one {@link TrackedFace} per face; {@link #chosen} then gives
 * those of a frame the {@link PersonDecision} keeps.
 */
public final class FaceTracker {

    private final FaceFinder finder;
    private final FaceEmbedder embedder;
    private final PersonDecision decision;
    private final FaceTracks tracks;
    private final StageTimer timer;

    /**
     * {@code embedder} may be null when nobody is chosen: no descriptors then, and tracks by position alone. Loads the
     * reference people of {@code choice} now. Laps {@code detect}, {@code landmarks} and {@code identify} on {@code timer}.
     */
    public FaceTracker(FaceDetector detector, LandmarkPredictor landmarks, FaceEmbedder embedder, FaceChoice choice, StageTimer timer) {
        if (choice.people().filters() && embedder == null) {
            throw new FaceswapException("choosing faces by person needs a face embedder (faceswap4j.embedder)");
        }
        this.decision = PersonDecision.of(choice.people(), choice.largestOnly(), detector, landmarks, embedder);
        this.finder = new FaceFinder(detector, landmarks, choice.minSize(), decision.largestAtDetection(), timer);
        this.embedder = embedder;
        this.tracks = FaceTracks.of(embedder);
        this.timer = timer;
    }

    /** The faces of {@code frames}, the next frames of the video in order: one list per frame, in {@link FaceFinder#ORDER}. */
    public List<List<TrackedFace>> next(List<Image> frames) {
        List<List<FaceFinder.Found>> found = new ArrayList<>(frames.size());
        for (Image frame : frames) {
            found.add(finder.find(frame));
        }
        List<float[]> descriptors = describe(frames, found);
        List<List<TrackedFace>> result = new ArrayList<>(frames.size());
        int next = 0;
        for (List<FaceFinder.Found> faces : found) {
            List<float[]> own = descriptors == null ? null : descriptors.subList(next, next + faces.size());
            next += faces.size();
            int[] ids = tracks.next(faces.stream().map(FaceFinder.Found::detection).map(Detection::box).toList(), own);
            List<TrackedFace> tracked = new ArrayList<>(faces.size());
            for (int k = 0; k < faces.size(); k++) {
                float[] descriptor = own == null ? null : own.get(k);
                tracked.add(new TrackedFace(k, faces.get(k).detection(), faces.get(k).landmarks(), ids[k], descriptor,
                        decision.judge(ids[k], descriptor)));
            }
            result.add(tracked);
        }
        return result;
    }

    /** The descriptors of every face found, in order (one embedder batch for all frames); null without an embedder. */
    private List<float[]> describe(List<Image> frames, List<List<FaceFinder.Found>> found) {
        if (embedder == null) {
            return null;
        }
        long t = System.nanoTime();
        List<Image> chips = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            for (FaceFinder.Found face : found.get(f)) {
                chips.add(FaceChips.ofFrame(frames.get(f), face.landmarks(), embedder.chipSize()));
            }
        }
        List<float[]> descriptors = FaceChips.embed(embedder, chips);
        timer.lap("identify", t);
        return descriptors;
    }

    /** Whether faces are chosen by person: a frame's decision is best made once its tracks' later faces are in. */
    public boolean choosing() {
        return decision.choosing();
    }

    /** The faces of one frame that are kept, by the person decision so far. */
    public List<TrackedFace> chosen(List<TrackedFace> faces) {
        return decision.chosen(faces);
    }

    /** Faces left out so far because their box was smaller than the choice's minimum size. */
    public int tooSmall() {
        return finder.tooSmall();
    }
}
