package dev.faceswap4j.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.FaceswapException;
import org.junit.jupiter.api.Test;

class FrameRangeTest {

    @Test
    void percentagesSplitAClipIntoTrainingAndHeldOutFramesThatMeetExactly() {
        FrameRange train = FrameRange.parse("0:80%");
        FrameRange heldOut = FrameRange.parse("80%:");
        assertEquals(0, train.first(1008));
        assertEquals(806, train.end(1008));
        assertEquals(806, heldOut.first(1008));
        assertEquals(Integer.MAX_VALUE, heldOut.end(1008));
        assertEquals(1008, train.count(1008) + heldOut.count(1008));
        assertEquals("0:80%", train.toString());
        assertEquals("80%:", heldOut.toString());
    }

    @Test
    void frameNumbersAndTheWholeInput() {
        FrameRange range = FrameRange.parse(" 10 : 40 ");
        assertEquals(10, range.first(100));
        assertEquals(40, range.end(100));
        assertEquals(30, range.count(100));
        assertEquals(5, range.count(15));
        assertTrue(FrameRange.parse("").isAll());
        assertTrue(FrameRange.parse("all").isAll());
        assertEquals("all", FrameRange.ALL.toString());
        assertEquals(FrameRange.parse("0:80%"), FrameRange.parse("0:80%"));
    }

    @Test
    void badRangesAreOneClearLine() {
        for (String bad : new String[] {"80%", "a:b", "40:10", "0:120%", "-5:10", "1:2:3"}) {
            FaceswapException e = assertThrows(FaceswapException.class, () -> FrameRange.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("frame range '" + bad + "'"), e.getMessage());
        }
        FaceswapException unknownCount = assertThrows(FaceswapException.class, () -> FrameRange.parse("50%:").first(0));
        assertTrue(unknownCount.getMessage().contains("use frame numbers"), unknownCount.getMessage());
    }
}
