package dev.faceswap4j.core.face;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.core.util.StageTimer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A frame's faces, the same way for {@code extract} and {@code convert}: detect → order → keep → landmarks.
 * One ordering rule everywhere: the largest face first (ties left to right), so "the largest only" and
 * a frame's face 0 are the same face. Kept are the faces whose box side is at least {@code minSize},
 * of them only the largest where {@code largestOnly} (choosing a person, the caller picks the largest
 * of that person's faces later instead).
 */
public final class FaceFinder {

    /** Largest box first, then left to right. */
    public static final Comparator<Detection> ORDER = Comparator.comparingDouble((Detection d) -> d.box().area()).reversed()
            .thenComparingDouble(d -> d.box().x());

    /** A face found: its detection and its landmarks. */
    public record Found(Detection detection, Landmarks landmarks) {}

    private final FaceDetector detector;
    private final LandmarkPredictor predictor;
    private final double minSize;
    private final boolean largestOnly;
    private final StageTimer timer;
    private int tooSmall;

    public FaceFinder(FaceDetector detector, LandmarkPredictor predictor, double minSize, boolean largestOnly, StageTimer timer) {
        this.detector = detector;
        this.predictor = predictor;
        this.minSize = minSize;
        this.largestOnly = largestOnly;
        this.timer = timer;
    }

    /** The faces of {@code frame}, in {@link #ORDER}; laps {@code detect} and {@code landmarks} on the timer. */
    public List<Found> find(Image frame) {
        long t = System.nanoTime();
        List<Detection> detections = new ArrayList<>(detector.detect(frame));
        t = timer.lap("detect", t);
        detections.sort(ORDER);
        if (largestOnly && detections.size() > 1) {
            detections = detections.subList(0, 1);
        }
        List<Found> found = new ArrayList<>(detections.size());
        for (Detection detection : detections) {
            if (Math.min(detection.box().width(), detection.box().height()) < minSize) {
                tooSmall++;
                continue;
            }
            found.add(new Found(detection, predictor.predict(frame, detection.box())));
        }
        timer.lap("landmarks", t);
        return found;
    }

    /** Faces left out so far because their box was smaller than {@code minSize}. */
    public int tooSmall() {
        return tooSmall;
    }
}
