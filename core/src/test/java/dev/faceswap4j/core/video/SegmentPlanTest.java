package dev.faceswap4j.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.FaceswapException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentPlanTest {

    @Test
    void everyFrameIsInExactlyOneSegment() {
        int plans = 0;
        for (int first : new int[] {0, 7, 100}) {
            for (int length : new int[] {1, 3, 4, 50, 299, 300, 301, 449, 450, 1000, 7919}) {
                for (int size : new int[] {1, 10, 64, 300}) {
                    for (int align : new int[] {1, 4, 16}) {
                        for (int warmUp : new int[] {0, 5, 64}) {
                            check(SegmentPlan.of(first, first + length, size, align, warmUp, 25), first, first + length, size, align, warmUp, 25);
                            plans++;
                        }
                    }
                }
            }
        }
        assertEquals(3 * 11 * 4 * 3 * 3, plans);
    }

    @Test
    void cutsFallOnBatchesAndTheLastPieceJoinsTheOneBefore() {
        List<Segment> segments = SegmentPlan.of(0, 1000, 300, 4, 64, 25).segments();
        assertEquals(List.of(new Segment(0, 0, 300, 0, 325), new Segment(1, 300, 600, 236, 625), new Segment(2, 600, 1000, 536, 1000)), segments);
        // 10 frames of warm-up become 12: three batches of four, as one pass batches them.
        assertEquals(new Segment(1, 300, 600, 288, 600), SegmentPlan.of(0, 600, 300, 4, 10, 0).segments().get(1));
        // A range that starts at frame 7 batches from frame 7: cuts at 7 + 300k, warm-up never before 7.
        assertEquals(List.of(new Segment(0, 7, 307, 7, 307), new Segment(1, 307, 700, 7, 700)),
                SegmentPlan.of(7, 700, 300, 4, 400, 0).segments());
    }

    @Test
    void refusesEmptyRangesAndNonsense() {
        assertThrows(FaceswapException.class, () -> SegmentPlan.of(5, 5, 300, 4, 64, 25));
        assertThrows(FaceswapException.class, () -> SegmentPlan.of(0, 100, 0, 4, 64, 25));
        assertThrows(FaceswapException.class, () -> SegmentPlan.of(0, 100, 300, 0, 64, 25));
        assertThrows(IllegalArgumentException.class, () -> new Segment(0, 10, 20, 11, 20));
    }

    private static void check(SegmentPlan plan, int first, int end, int size, int align, int warmUp, int lookAhead) {
        String what = "plan of " + first + ".." + end + " by " + size + "/" + align + "/" + warmUp + ": " + plan.segments();
        int[] owners = new int[end];
        int next = first;
        for (int i = 0; i < plan.size(); i++) {
            Segment segment = plan.segments().get(i);
            assertEquals(i, segment.index(), what);
            assertEquals(next, segment.first(), what);
            assertTrue(segment.end() > segment.first(), what);
            for (int frame = segment.first(); frame < segment.end(); frame++) {
                owners[frame]++;
            }
            assertEquals(0, (segment.first() - first) % align, "cuts are whole batches from the start: " + what);
            assertEquals(0, (segment.decodeFirst() - first) % align, "warm-up is whole batches: " + what);
            assertTrue(segment.decodeFirst() >= first && segment.first() - segment.decodeFirst() >= Math.min(warmUp, segment.first() - first),
                    "warm-up of at least " + warmUp + " frames within the range: " + what);
            assertEquals(Math.min(end, segment.end() + lookAhead), segment.decodeEnd(), what);
            next = segment.end();
        }
        assertEquals(end, next, what);
        for (int frame = first; frame < end; frame++) {
            assertEquals(1, owners[frame], "frame " + frame + " of " + what);
        }
    }
}
