package dev.faceswap4j.api;

/** Places the 68 dlib-order landmarks on a detected face. */
public interface LandmarkPredictor extends AutoCloseable {

    Landmarks predict(Image image, Rect face);

    @Override
    default void close() {}
}
