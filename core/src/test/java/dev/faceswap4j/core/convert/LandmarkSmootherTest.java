package dev.faceswap4j.core.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Landmark smoothing follows each face by its track, whatever order the detector reports them in. */
class LandmarkSmootherTest {

    @Test
    void twoFacesKeepTheirOwnHistoryWhenTheDetectorSwapsTheirOrder() {
        LandmarkSmoother smoother = new LandmarkSmoother(0.5);
        smoother.next(new int[] {7, 8}, List.of(face(100, 100, 50), face(400, 100, 50)));
        // Next frame: both moved 4 px right, reported right first.
        List<Landmarks> smoothed = smoother.next(new int[] {8, 7}, List.of(face(404, 100, 50), face(104, 100, 50)));
        assertEquals(452, smoothed.get(0).get(0).x(), 1e-9, "right face: halfway between 450 and 454");
        assertEquals(152, smoothed.get(1).get(0).x(), 1e-9, "left face: halfway between 150 and 154");
    }

    @Test
    void aNewOrReturningFaceOrNoSmoothingTakesThePointsAsTheyAre() {
        LandmarkSmoother smoother = new LandmarkSmoother(0.5);
        smoother.next(new int[] {1}, List.of(face(100, 100, 50)));
        Landmarks other = face(600, 300, 50);
        assertEquals(other, smoother.next(new int[] {2}, List.of(other)).get(0), "a new track");
        Landmarks back = face(102, 100, 50);
        assertEquals(back, smoother.next(new int[] {1}, List.of(back)).get(0), "track 1 was not in the frame before");
        LandmarkSmoother off = new LandmarkSmoother(0);
        off.next(new int[] {1}, List.of(face(100, 100, 50)));
        Landmarks moved = face(103, 100, 50);
        assertEquals(moved, off.next(new int[] {1}, List.of(moved)).get(0));
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
