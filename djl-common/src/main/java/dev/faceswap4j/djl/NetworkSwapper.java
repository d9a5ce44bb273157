package dev.faceswap4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Swapper;
import java.util.List;

/**
 * Renders aligned faces as the other identity with a two-identity network: images to an NCHW array,
 * the target identity's rendering, back to images. The autoencoder and faceswap-GAN differ only in
 * their {@link Renderer}.
 */
public final class NetworkSwapper implements Swapper {

    /** Faces (NCHW RGB in [0, 1]) rendered as identity A ({@code a = true}) or B, in inference mode. */
    @FunctionalInterface
    public interface Renderer {
        NDArray render(NDArray faces, boolean a);
    }

    private final int faceSize;
    private final Renderer renderer;
    private final NDManager manager;
    private final boolean ownsManager;

    /** {@code ownsManager}: close {@code manager} with this swapper (a loaded model), or leave it to the trainer. */
    public NetworkSwapper(int faceSize, Renderer renderer, NDManager manager, boolean ownsManager) {
        this.faceSize = faceSize;
        this.renderer = renderer;
        this.manager = manager;
        this.ownsManager = ownsManager;
    }

    @Override
    public List<Image> swap(List<Image> alignedFaces, Direction direction) {
        if (alignedFaces.isEmpty()) {
            return List.of();
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray faces = FaceTensors.fromImages(scope, alignedFaces, faceSize);
            // A face rendered "as identity B" goes through decoder B.
            NDArray swapped = renderer.render(faces, direction == Direction.B_TO_A);
            return FaceTensors.toImages(swapped, alignedFaces.get(0).order());
        }
    }

    @Override
    public void close() {
        if (ownsManager) {
            manager.close();
        }
    }
}
