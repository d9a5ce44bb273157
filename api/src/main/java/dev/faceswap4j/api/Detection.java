package dev.faceswap4j.api;

import java.util.Objects;

/** A face found by a detector: its box in frame coordinates and the detector's confidence. */
public record Detection(Rect box, double score) {

    public Detection {
        Objects.requireNonNull(box, "box is null");
    }
}
