package dev.faceswap4j.model.autoencoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Swapper;
import java.util.List;

/** Renders aligned faces as the other identity: the shared encoder, then the target identity's decoder. */
final class AutoencoderSwapper implements Swapper {

    private final SharedAutoencoder network;
    private final NDManager manager;
    private final boolean ownsManager;

    AutoencoderSwapper(SharedAutoencoder network, NDManager manager, boolean ownsManager) {
        this.network = network;
        this.manager = manager;
        this.ownsManager = ownsManager;
    }

    @Override
    public List<Image> swap(List<Image> alignedFaces, Direction direction) {
        if (alignedFaces.isEmpty()) {
            return List.of();
        }
        int size = network.settings().faceSize();
        try (NDManager scope = manager.newSubManager()) {
            NDArray faces = FaceTensors.fromImages(scope, alignedFaces, size);
            // A face rendered "as identity B" goes through decoder B.
            NDArray swapped = network.render(faces, direction == Direction.B_TO_A, false);
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
