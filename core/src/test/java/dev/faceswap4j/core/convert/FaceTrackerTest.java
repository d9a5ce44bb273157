package dev.faceswap4j.core.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Landmark smoothing follows each face by position, whatever order the detector reports them in. */
class FaceTrackerTest {

    @Test
    void twoFacesKeepTheirOwnHistoryWhenTheDetectorSwapsTheirOrder() {
        FaceTracker tracker = new FaceTracker(0.5);
        Landmarks left = face(100, 100, 50);
        Landmarks right = face(400, 100, 50);
        tracker.next(List.of(left, right));
        // Next frame: both moved 4 px right, reported right first.
        List<Landmarks> smoothed = tracker.next(List.of(face(404, 100, 50), face(104, 100, 50)));
        assertEquals(452, smoothed.get(0).get(0).x(), 1e-9, "right face: halfway between 450 and 454");
        assertEquals(152, smoothed.get(1).get(0).x(), 1e-9, "left face: halfway between 150 and 154");
    }

    @Test
    void aNewFaceOrNoSmoothingTakesThePointsAsTheyAre() {
        FaceTracker tracker = new FaceTracker(0.5);
        tracker.next(List.of(face(100, 100, 50)));
        Landmarks far = face(600, 300, 50);
        assertEquals(far, tracker.next(List.of(far)).get(0));
        FaceTracker off = new FaceTracker(0);
        off.next(List.of(face(100, 100, 50)));
        Landmarks moved = face(103, 100, 50);
        assertEquals(moved, off.next(List.of(moved)).get(0));
    }

    /** 68 points on a circle of radius {@code r} around (x, y). */
    private static Landmarks face(double x, double y, double r) {
        List<Point2> points = new ArrayList<>();
        for (int i = 0; i < Landmarks.DLIB_68; i++) {
            double angle = 2 * Math.PI * i / Landmarks.DLIB_68;
            points.add(new Point2(x + r * Math.cos(angle), y + r * Math.sin(angle)));
        }
        return new Landmarks(points);
    }
}
