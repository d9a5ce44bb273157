package dev.faceswap4j.api;

import java.util.ArrayList;
import java.util.List;

/** A trained swap model used for conversion: aligned face in, the other identity's face out. */
public interface Swapper extends AutoCloseable {

    /** Swaps a batch of aligned faces ({@link SwapModel#faceSize()} square, any channel order). */
    List<Image> swap(List<Image> alignedFaces, Direction direction);

    /** A swapped face and the mask its model predicts for it ({@link ChannelOrder#GRAY}, face size, 255 = face), or null. */
    record MaskedFace(Image face, Image mask) {}

    /** Whether {@link #swapWithMasks} returns the model's own masks (a model trained to predict one). */
    default boolean predictsMask() {
        return false;
    }

    /** As {@link #swap(List, Direction)}, each face with its predicted mask; without {@link #predictsMask} the masks are null. */
    default List<MaskedFace> swapWithMasks(List<Image> alignedFaces, Direction direction) {
        return swap(alignedFaces, direction).stream().map(face -> new MaskedFace(face, null)).toList();
    }

    default Image swap(Image alignedFace, Direction direction) {
        return swap(new ArrayList<>(List.of(alignedFace)), direction).get(0);
    }

    @Override
    void close();
}
