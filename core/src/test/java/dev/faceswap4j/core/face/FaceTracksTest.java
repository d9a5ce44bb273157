package dev.faceswap4j.core.people;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Rect;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tracks survive missed detections, two people who cross keep their own, and a track's majority outvotes one bad frame. */
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

    @Test
    void oneBadFrameDoesNotFlipATracksDecision() {
        TrackVotes votes = new TrackVotes();
        boolean[] verdicts = {true, true, false, true, true};
        boolean[] decisions = new boolean[verdicts.length];
        for (int i = 0; i < verdicts.length; i++) {
            votes.add(7, verdicts[i]);
            decisions[i] = votes.keep(7, verdicts[i]);
        }
        assertTrue(decisions[2], "the odd frame is still kept: " + Arrays.toString(decisions));
        assertFalse(new TrackVotes().keep(8, false), "no votes: the face's own verdict");
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
