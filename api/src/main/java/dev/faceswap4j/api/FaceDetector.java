package dev.faceswap4j.api;

import java.util.List;

/** Finds faces in a frame. Implementations are thread-safe unless they say otherwise. */
public interface FaceDetector extends AutoCloseable {

    /** Faces in {@code image}, in frame coordinates, highest score first; empty when there is none. */
    List<Detection> detect(Image image);

    @Override
    default void close() {}
}
