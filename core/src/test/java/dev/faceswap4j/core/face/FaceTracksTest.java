package dev.faceswap4j.core.face;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.faceswap4j.api.Rect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tracks survive missed detections, and two people who cross keep their own. */
class FaceTracksTest {

    private static final float[] ANNA = unit(0);
    private static final float[] BEN = unit(1);

    @Test
    void aTrackKeepsItsIdWhenTheDetectorMissesFrames() {
        FaceTracks tracks = new FaceTracks(0.5, 5);
        int id = tracks.next(List.of(box(100, 100)), List.of(ANNA))[0];
        tracks.next(List.of(), List.of());
        tracks.next(List.of(), List.of());
        assertEquals(id, tracks.next(List.of(box(130, 100)), List.of(ANNA))[0], "the same face after two missed frames");
        for (int i = 0; i < 7; i++) {
            tracks.next(List.of(), List.of());
        }
        assertNotEquals(id, tracks.next(List.of(box(130, 100)), List.of(ANNA))[0], "past the gap a new track starts");
    }

    @Test
    void twoPeopleWhoCrossKeepTheirTracksByDescriptor() {
        FaceTracks tracks = new FaceTracks(0.5, 5);
        int[] first = tracks.next(List.of(box(100, 100), box(180, 100)), List.of(ANNA, BEN));
        // They swap places: by position alone each would continue the other's track.
        int[] crossed = tracks.next(List.of(box(150, 100), box(130, 100)), List.of(ANNA, BEN));
        assertArrayEquals(first, crossed);
    }

    private static Rect box(double x, double y) {
        return new Rect(x, y, 100, 100);
    }

    private static float[] unit(int axis) {
        float[] d = new float[128];
        d[axis] = 1;
        return d;
    }
}
