package dev.faceswap4j.api;

import java.util.ArrayList;
import java.util.List;

/** A trained swap model used for conversion: aligned face in, the other identity's face out. */
public interface Swapper extends AutoCloseable {

    /** Swaps a batch of aligned faces ({@link SwapModel#faceSize()} square, any channel order). */
    List<Image> swap(List<Image> alignedFaces, Direction direction);

    default Image swap(Image alignedFace, Direction direction) {
        return swap(new ArrayList<>(List.of(alignedFace)), direction).get(0);
    }

    @Override
    void close();
}
