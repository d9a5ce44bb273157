package dev.faceswap4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void affineInverseUndoesTheTransform() {
        Affine similarity = new Affine(0.8, -0.6, 12.5, 0.6, 0.8, -3.25);
        Point2 p = new Point2(37.0, -11.0);
        Point2 back = similarity.inverse().apply(similarity.apply(p));
        assertEquals(p.x(), back.x(), 1e-12);
        assertEquals(p.y(), back.y(), 1e-12);
        Affine identity = similarity.then(similarity.inverse());
        double[] m = identity.toArray();
        double[] id = Affine.IDENTITY.toArray();
        for (int i = 0; i < 6; i++) {
            assertEquals(id[i], m[i], 1e-12);
        }
        assertThrows(ArithmeticException.class, () -> new Affine(1, 2, 0, 2, 4, 0).inverse());
    }

    @Test
    void thenAppliesInOrder() {
        Affine scale = new Affine(2, 0, 0, 0, 2, 0);
        Affine shift = new Affine(1, 0, 5, 0, 1, 0);
        assertEquals(new Point2(7, 2), scale.then(shift).apply(new Point2(1, 1)));
        assertEquals(new Point2(12, 2), shift.then(scale).apply(new Point2(1, 1)));
    }

    @Test
    void rectIou() {
        Rect a = new Rect(0, 0, 10, 10);
        assertEquals(1.0, a.iou(a));
        assertEquals(25.0 / 175.0, a.iou(new Rect(5, 5, 10, 10)), 1e-12);
        assertEquals(0.0, a.iou(new Rect(20, 20, 5, 5)));
    }

    @Test
    void imageChecksItsBuffer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Image(4, 3, ChannelOrder.BGR, new byte[35]));
        assertEquals("pixel array has 35 bytes, 4x3 BGR needs 36", e.getMessage());
        assertEquals(new Image(1, 1, ChannelOrder.GRAY, new byte[] {7}), new Image(1, 1, ChannelOrder.GRAY, new byte[] {7}));
    }

    @Test
    void landmarksMeanDistance() {
        Landmarks a = new Landmarks(List.of(new Point2(0, 0), new Point2(1, 1)));
        Landmarks b = new Landmarks(List.of(new Point2(3, 4), new Point2(1, 1)));
        assertEquals(2.5, a.meanDistanceTo(b));
        assertEquals(Direction.A_TO_B, Direction.parse("a-to-b"));
        assertThrows(FaceswapException.class, () -> Direction.parse("sideways"));
    }
}
