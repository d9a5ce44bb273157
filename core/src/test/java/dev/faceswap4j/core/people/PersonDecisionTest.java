package dev.faceswap4j.core.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.api.Rect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one person decision of extract, convert and faces, on descriptors placed at known distances from the reference:
 * a track is kept by the majority of its faces, a tie goes to the face's own verdict, largest-only takes the largest
 * of the person's faces, and without a reference every face stays.
 */
class PersonDecisionTest {

    private static final float[] REFERENCE = {0, 0, 0, 0};
    private static final double THRESHOLD = 0.5;

    /** A descriptor at {@code distance} from the reference. */
    private static float[] at(double distance) {
        return new float[] {(float) distance, 0, 0, 0};
    }

    private static PersonDecision choosing(boolean largestOnly) {
        return new PersonDecision(new PersonFilter(REFERENCE, List.of(), THRESHOLD), largestOnly);
    }

    /** A face of {@code track} (box side {@code side}, larger first as the finder orders them), judged by {@code decision}. */
    private static TrackedFace face(PersonDecision decision, int index, int track, double side, double distance) {
        float[] descriptor = at(distance);
        List<Point2> points = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            points.add(new Point2(i, i));
        }
        return new TrackedFace(index, new Detection(new Rect(0, 0, side, side), 1), new Landmarks(points), track, descriptor,
                decision.judge(track, descriptor));
    }

    @Test
    void aTrackIsKeptByTheMajorityOfItsFacesNotByOneFaceSeenBadly() {
        PersonDecision decision = choosing(false);
        // Track 1: the reference person, once seen badly (0.7). Track 2: someone else, once close (0.45).
        TrackedFace blurred = face(decision, 0, 1, 200, 0.7);
        TrackedFace closeStranger = face(decision, 1, 2, 150, 0.45);
        for (int frame = 0; frame < 2; frame++) {
            face(decision, 0, 1, 200, 0.3);
            face(decision, 1, 2, 150, 0.8);
        }
        assertFalse(blurred.verdict().keep(), "on its own the blurred face is not the person");
        assertEquals(0.7, blurred.verdict().distance(), 1e-6);
        assertEquals(List.of(blurred), decision.chosen(List.of(blurred, closeStranger)), "the track's majority decides");
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

    @Test
    void aTieGoesToTheFacesOwnVerdict() {
        PersonDecision decision = choosing(false);
        TrackedFace near = face(decision, 0, 7, 200, 0.2);
        TrackedFace far = face(decision, 0, 7, 200, 0.9);
        assertEquals(List.of(near), decision.chosen(List.of(near)));
        assertEquals(List.of(), decision.chosen(List.of(far)));
    }

    @Test
    void largestOnlyKeepsTheLargestOfThePersonsFacesNotTheLargestFace() {
        PersonDecision decision = choosing(true);
        TrackedFace stranger = face(decision, 0, 1, 300, 0.9);
        TrackedFace person = face(decision, 1, 2, 200, 0.1);
        TrackedFace personAgain = face(decision, 2, 3, 100, 0.2);
        assertEquals(List.of(person), decision.chosen(List.of(stranger, person, personAgain)));
        assertFalse(decision.largestAtDetection(), "choosing, the largest face is not cut at detection");
        assertTrue(decision.choosing());
    }

    @Test
    void withoutAReferenceEveryFaceStaysAndLargestOnlyIsTheFindersCut() {
        PersonDecision everyone = new PersonDecision(null, true);
        assertNull(everyone.judge(1, at(0.9)), "no verdict without a reference");
        List<TrackedFace> faces = List.of(face(everyone, 0, 1, 300, 0.9), face(everyone, 1, 2, 200, 0.1));
        assertSame(faces, everyone.chosen(faces));
        assertTrue(everyone.largestAtDetection());
        assertFalse(everyone.choosing());
        assertFalse(new PersonDecision(null, false).largestAtDetection());
    }
}
