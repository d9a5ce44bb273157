package dev.faceswap4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.testing.TestFaces;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview sheet of real faces: each cell where the sheet says, and a predicted mask shown as convert pastes it. */
class PreviewGridTest {

    private static final int SIZE = 64;

    @TempDir
    Path dir;

    /** A model that turns every face black and predicts the left half of the square as its mask. */
    private static final class BlackLeftHalf implements Swapper {
        @Override
        public List<Image> swap(List<Image> faces, Direction direction) {
            return faces.stream().map(f -> new Image(SIZE, SIZE, ChannelOrder.BGR, new byte[SIZE * SIZE * 3])).toList();
        }

        @Override
        public boolean predictsMask() {
            return true;
        }

        @Override
        public List<MaskedFace> swapWithMasks(List<Image> faces, Direction direction) {
            byte[] half = new byte[SIZE * SIZE];
            for (int i = 0; i < half.length; i++) {
                half[i] = (byte) (i % SIZE < SIZE / 2 ? 255 : 0);
            }
            Image mask = new Image(SIZE, SIZE, ChannelOrder.GRAY, half);
            return swap(faces, direction).stream().map(face -> new MaskedFace(face, mask)).toList();
        }

        @Override
        public void close() {}
    }

    @Test
    void aPredictedMaskShowsTheModelFaceInsideAndTheInputOutside() {
        FaceSet set = FaceSet.read(TestFaces.sampleCrops());
        FaceAugmenter augmenter = new FaceAugmenter(Augmentation.none(200), SIZE);
        List<Image> a = List.of(augmenter.face(set.crops().get(0)));
        List<Image> b = List.of(augmenter.face(set.crops().get(1)));
        Path file = dir.resolve("preview.png");
        new PreviewGrid(a, b).write(new BlackLeftHalf(), List.of(file));
        Image sheet = Images.readBgr(file);
        int cell = 2 * SIZE;
        int header = sheet.height() - cell;
        Image input = a.get(0);
        // Column 2 is A -> B: black on the left half, the input face (drawn at twice its size) on the right.
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                for (int c = 0; c < 3; c++) {
                    int expected = x < SIZE / 2 ? 0 : input.get(x, y, c);
                    assertEquals(expected, sheet.get(2 * cell + 2 * x, header + 2 * y, c), "A->B at face pixel (" + x + ", " + y + ")");
                }
            }
        }
    }
}
