package dev.faceswap4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Swapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders aligned faces as the other identity with a two-identity network: images to an NCHW array,
 * the target identity's rendering, back to images. The autoencoder and faceswap-GAN differ only in
 * their {@link Renderer}. A renderer of a network with a mask channel returns it as a fourth channel.
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
    private final boolean predictsMask;

    /** {@code ownsManager}: close {@code manager} with this swapper (a loaded model), or leave it to the trainer. */
    public NetworkSwapper(int faceSize, Renderer renderer, NDManager manager, boolean ownsManager) {
        this(faceSize, renderer, manager, ownsManager, false);
    }

    /** {@code predictsMask}: the renderer returns the mask as a fourth channel. */
    public NetworkSwapper(int faceSize, Renderer renderer, NDManager manager, boolean ownsManager, boolean predictsMask) {
        this.faceSize = faceSize;
        this.renderer = renderer;
        this.manager = manager;
        this.ownsManager = ownsManager;
        this.predictsMask = predictsMask;
    }

    @Override
    public List<Image> swap(List<Image> alignedFaces, Direction direction) {
        return swapWithMasks(alignedFaces, direction).stream().map(MaskedFace::face).toList();
    }

    @Override
    public boolean predictsMask() {
        return predictsMask;
    }

    @Override
    public List<MaskedFace> swapWithMasks(List<Image> alignedFaces, Direction direction) {
        if (alignedFaces.isEmpty()) {
            return List.of();
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray faces = FaceTensors.fromImages(scope, alignedFaces, faceSize);
            // A face rendered "as identity B" goes through decoder B.
            NDArray swapped = renderer.render(faces, direction == Direction.B_TO_A);
            List<Image> rendered = FaceTensors.toImages(predictsMask ? swapped.get(":, :3") : swapped, alignedFaces.get(0).order());
            List<Image> masks = predictsMask ? FaceTensors.toMasks(swapped.get(":, 3:")) : null;
            List<MaskedFace> result = new ArrayList<>(rendered.size());
            for (int i = 0; i < rendered.size(); i++) {
                result.add(new MaskedFace(rendered.get(i), masks == null ? null : masks.get(i)));
            }
            return result;
        }
    }

    @Override
    public void close() {
        if (ownsManager) {
            manager.close();
        }
    }
}
