package dev.faceswap4j.api;

import java.util.List;

/**
 * A face recognition network: aligned face chips in, identity descriptors out. Two chips of one
 * person give descriptors closer (Euclidean) than chips of two people.
 */
public interface FaceEmbedder extends AutoCloseable {

    /** Side of the square chip the network was trained on; other sizes are resized to it. */
    int chipSize();

    /**
     * Descriptors of dlib-style face chips: aligned to the mean face with a quarter of the face's
     * side as border ({@code extract} with crop-size = chip size and padding = chip size / 6).
     */
    List<float[]> embed(List<Image> chips);

    /**
     * The largest descriptor distance at which two chips are still taken as one person: the
     * network's own published operating point (for example 0.6 for dlib's ResNet on LFW).
     */
    double samePersonDistance();

    @Override
    void close();
}
