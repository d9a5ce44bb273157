package dev.faceswap4j.api;

/**
 * Convert's mask stage ({@code faceswap4j.convert.mask = <name>}): which pixels of the frame region a swapped face
 * covers. Convert then keeps the mask inside the warped-back face square, erodes and feathers it.
 */
public interface FaceMasker {

    /**
     * The mask of {@code face}'s frame region, {@link ChannelOrder#GRAY} of {@code face.width() × face.height()},
     * 255 where the swapped face goes.
     */
    Image mask(RegionFace face);

    /** Whether this mask is the model's own ({@link RegionFace#modelMask}): convert then refuses a model that predicts none. */
    default boolean needsModelMask() {
        return false;
    }
}
