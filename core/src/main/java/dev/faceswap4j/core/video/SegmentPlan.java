package dev.faceswap4j.core.video;

import dev.faceswap4j.api.FaceswapException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the frames {@code first..end} of an input are cut into {@link Segment}s. Cuts fall on multiples of
 * {@code align} frames from {@code first} (convert's batch size: the frames batched together are those of one
 * pass), every segment but the last holds about {@code segmentFrames}, a last piece under half that joins the
 * one before it, and each segment decodes up to {@code warmUp} frames before its own (rounded up to the
 * alignment) and {@code lookAhead} after, never outside {@code first..end}: one pass starts there with no
 * history and ends there too.
 */
public record SegmentPlan(List<Segment> segments) {

    public SegmentPlan {
        segments = List.copyOf(segments);
    }

    public static SegmentPlan of(int first, int end, int segmentFrames, int align, int warmUp, int lookAhead) {
        if (align < 1 || segmentFrames < 1 || warmUp < 0 || lookAhead < 0) {
            throw new FaceswapException("segments of " + segmentFrames + " frames aligned to " + align + " with " + warmUp
                    + " warm-up frames: all must be positive");
        }
        if (first < 0 || end <= first) {
            throw new FaceswapException("no frames to cut into segments (" + first + ".." + end + ")");
        }
        int size = Math.max(align, (segmentFrames + align / 2) / align * align);
        int warm = (warmUp + align - 1) / align * align;
        List<int[]> cuts = new ArrayList<>();
        for (int from = first; from < end; from += size) {
            cuts.add(new int[] {from, Math.min(end, from + size)});
        }
        if (cuts.size() > 1) {
            int[] last = cuts.get(cuts.size() - 1);
            if (last[1] - last[0] < size / 2) {
                cuts.remove(cuts.size() - 1);
                cuts.get(cuts.size() - 1)[1] = end;
            }
        }
        List<Segment> segments = new ArrayList<>(cuts.size());
        for (int i = 0; i < cuts.size(); i++) {
            int[] cut = cuts.get(i);
            segments.add(new Segment(i, cut[0], cut[1], Math.max(first, cut[0] - warm), Math.min(end, cut[1] + lookAhead)));
        }
        return new SegmentPlan(segments);
    }

    /** One segment holding everything: for inputs that cannot be cut. */
    public static SegmentPlan whole(int first, int end) {
        return new SegmentPlan(List.of(new Segment(0, first, end, first, end)));
    }

    public int size() {
        return segments.size();
    }
}
