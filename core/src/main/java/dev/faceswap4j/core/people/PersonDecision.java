package dev.faceswap4j.core.people;

import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.LandmarkPredictor;
import java.util.ArrayList;
import java.util.List;

/**
 * The faces of a frame that are kept. Everyone's, or the reference person's: each face is judged on its own
 * ({@link PersonFilter}), and a track is theirs when the majority of its faces says so ({@link TrackVotes}; a face's
 * own verdict breaks a tie), so one face seen badly does not flip a person in or out. Where only the largest face is
 * wanted: choosing a person, the largest of theirs; otherwise the largest detection, cut at detection already
 * ({@link #largestAtDetection()}: no landmarks, descriptor or track for the others).
 */
public final class PersonDecision {

    private final PersonFilter filter;
    private final boolean largestOnly;
    private final TrackVotes votes = new TrackVotes();

    /** {@code filter}: null keeps everyone. */
    PersonDecision(PersonFilter filter, boolean largestOnly) {
        this.filter = filter;
        this.largestOnly = largestOnly;
    }

    /** The decision for {@code people}, their references described with these stages ({@code embedder} may be null for everyone). */
    public static PersonDecision of(People people, boolean largestOnly, FaceDetector detector, LandmarkPredictor landmarks,
            FaceEmbedder embedder) {
        return new PersonDecision(people.filters() ? PersonFilter.load(people, detector, landmarks, embedder) : null, largestOnly);
    }

    /** Whether faces are chosen by person: they need descriptors, and a track's decision waits for its later faces. */
    public boolean choosing() {
        return filter != null;
    }

    /** Whether only a frame's largest detection is looked at (largest only, nobody chosen). */
    public boolean largestAtDetection() {
        return largestOnly && filter == null;
    }

    /** The own verdict of a face of {@code track}, counted as the track's vote; null when nobody is chosen. */
    public PersonFilter.Verdict judge(int track, float[] descriptor) {
        if (filter == null) {
            return null;
        }
        PersonFilter.Verdict verdict = filter.judge(descriptor);
        votes.add(track, verdict.keep());
        return verdict;
    }

    /**
     * The faces of one frame (in their order, largest first) that are kept, by the votes counted so far: decide a
     * frame once its tracks' later faces have been judged too.
     */
    public List<TrackedFace> chosen(List<TrackedFace> faces) {
        if (filter == null) {
            return faces;
        }
        List<TrackedFace> kept = new ArrayList<>();
        for (TrackedFace face : faces) {
            if (votes.keep(face.track(), face.verdict().keep())) {
                kept.add(face);
                if (largestOnly) {
                    break;
                }
            }
        }
        return kept;
    }
}
