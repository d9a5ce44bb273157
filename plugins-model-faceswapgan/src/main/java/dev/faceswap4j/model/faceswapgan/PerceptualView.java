package dev.faceswap4j.model.faceswapgan;

import ai.djl.ndarray.NDArray;
import dev.faceswap4j.djl.recognition.FaceRecognitionNet;
import java.util.Random;

/**
 * Where the perceptual loss's recognition network looks at a batch of faces in one step: the faces resized (bilinear)
 * to the network's chip side plus {@code grow} pixels, and the chip cut out at ({@code x}, {@code y}). A new view each
 * step moves the network's sampling grids over the face by up to a cell of its 17 px stage, so no pattern tied to one
 * grid position pays off.
 */
record PerceptualView(int grow, int x, int y) {

    /** Up to about a tenth of the chip: more than one cell of the 17 px stage (9 chip pixels). */
    static final int MAX_GROW = 16;

    /** The plain chip: the faces resized to the chip side, as evaluate's identity network sees them. */
    static final PerceptualView PLAIN = new PerceptualView(0, 0, 0);

    PerceptualView {
        if (grow < 0 || x < 0 || y < 0 || x > grow || y > grow) {
            throw new IllegalArgumentException("a view inside the grown chip, got grow " + grow + " at (" + x + ", " + y + ")");
        }
    }

    static PerceptualView draw(Random random) {
        int grow = random.nextInt(MAX_GROW + 1);
        return new PerceptualView(grow, random.nextInt(grow + 1), random.nextInt(grow + 1));
    }

    /** The chips (NCHW) the recognition network gets for {@code faces} (NCHW, any side). */
    NDArray apply(NDArray faces) {
        int side = FaceRecognitionNet.CHIP_SIZE + grow;
        // libtorch interpolate mode 2 = bilinear, half-pixel centres, as FaceRecognitionNet's own resize.
        NDArray grown = faces.getNDArrayInternal().interpolation(new long[] {side, side}, 2, false);
        return grown.get(":, :, " + y + ":" + (y + FaceRecognitionNet.CHIP_SIZE) + ", " + x + ":" + (x + FaceRecognitionNet.CHIP_SIZE));
    }
}
