package dev.faceswap4j.core.people;

import java.util.Objects;

/**
 * Which faces extract and convert work on: whose ({@code people}), only the largest of a frame, none
 * whose box side is under {@code minSize} pixels.
 */
public record FaceChoice(People people, boolean largestOnly, double minSize) {

    public FaceChoice {
        Objects.requireNonNull(people, "people is null");
    }
}
