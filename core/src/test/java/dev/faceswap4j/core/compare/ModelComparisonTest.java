package dev.faceswap4j.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.core.face.FaceWindow;
import dev.faceswap4j.core.testing.TestFaces;
import dev.faceswap4j.core.train.FaceSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison's figures on real faces, with two swappers whose answers are known. */
class ModelComparisonTest {

    private static final FaceWindow WINDOW = new FaceWindow(256, 48, 200, 64);

    @Test
    void aPassThroughModelReconstructsPerfectlyAndChangesNothing() {
        List<Image> crops = FaceSet.read(TestFaces.sampleCrops()).crops().subList(0, 6);
        Swapper passThrough = swapper(faces -> faces);
        Swapper gray = swapper(faces -> faces.stream().map(ModelComparisonTest::gray).toList());
        ModelComparison.Result result = new ModelComparison(null).run(crops, List.of(),
                List.of(new ModelComparison.Candidate("pass", passThrough, WINDOW), new ModelComparison.Candidate("gray", gray, WINDOW)),
                Direction.A_TO_B);
        assertEquals(3, result.figures().size(), "input row and two models (no target row without an embedder)");
        ModelComparison.Figures pass = result.figures().get(1);
        assertEquals(0, pass.reconstructionL1());
        assertEquals(1, pass.reconstructionSsim(), 1e-12);
        assertEquals(0, pass.change());
        assertEquals(result.figures().get(0).sharpness(), pass.sharpness(), 1e-9);
        assertTrue(Double.isNaN(pass.identityDistance()));
        ModelComparison.Figures flat = result.figures().get(2);
        assertTrue(flat.change() > 0.05 && flat.reconstructionSsim() < 0.5, flat.toString());
        assertEquals(0, flat.sharpness(), 1e-9);
        assertEquals(64, result.swapped().get(0).get(0).width());
    }

    private static Image gray(Image face) {
        byte[] pixels = new byte[face.pixels().length];
        Arrays.fill(pixels, (byte) 128);
        return new Image(face.width(), face.height(), face.order(), pixels);
    }

    private static Swapper swapper(java.util.function.UnaryOperator<List<Image>> render) {
        return new Swapper() {
            @Override
            public List<Image> swap(List<Image> alignedFaces, Direction direction) {
                return render.apply(alignedFaces);
            }

            @Override
            public void close() {}
        };
    }
}
