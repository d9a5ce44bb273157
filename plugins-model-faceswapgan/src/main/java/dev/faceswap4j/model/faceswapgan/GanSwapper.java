package dev.faceswap4j.model.faceswapgan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.model.autoencoder.FaceTensors;
import java.util.List;

/**
 * Renders aligned faces as the other identity: the shared encoder, the target identity's decoder,
 * and its alpha mask blending the generated face over the input (faceswap-GAN's convert).
 */
final class GanSwapper implements Swapper {

    private final GanNetworks networks;
    private final NDManager manager;
    private final boolean ownsManager;

    GanSwapper(GanNetworks networks, NDManager manager, boolean ownsManager) {
        this.networks = networks;
        this.manager = manager;
        this.ownsManager = ownsManager;
    }

    @Override
    public List<Image> swap(List<Image> alignedFaces, Direction direction) {
        if (alignedFaces.isEmpty()) {
            return List.of();
        }
        int size = networks.settings().faceSize();
        try (NDManager scope = manager.newSubManager()) {
            NDArray faces = FaceTensors.fromImages(scope, alignedFaces, size);
            // A face rendered "as identity B" goes through decoder B.
            NDArray output = networks.generate(faces, direction == Direction.B_TO_A, false);
            return FaceTensors.toImages(GanLosses.blend(output, faces), alignedFaces.get(0).order());
        }
    }

    @Override
    public void close() {
        if (ownsManager) {
            manager.close();
        }
    }
}
