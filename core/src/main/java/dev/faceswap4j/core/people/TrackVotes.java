package dev.faceswap4j.core.people;

import java.util.HashMap;
import java.util.Map;

/**
 * The reference-person decision per track: the majority of its faces' verdicts, so that one face
 * seen badly (blur, a turn of the head) does not flip a person in or out for a frame.
 */
public final class TrackVotes {

    private final Map<Integer, int[]> votes = new HashMap<>();

    public void add(int track, boolean keep) {
        votes.computeIfAbsent(track, t -> new int[2])[keep ? 0 : 1]++;
    }

    /** Whether the track's faces are kept: more votes for than against; a tie goes to {@code tie}. */
    public boolean keep(int track, boolean tie) {
        int[] count = votes.get(track);
        if (count == null || count[0] == count[1]) {
            return tie;
        }
        return count[0] > count[1];
    }
}
