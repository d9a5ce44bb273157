package dev.faceswap4j.api;

/** Convert's colour stage ({@code faceswap4j.convert.color = <name>}): the swapped face's colours brought to the frame's. */
public interface ColorMatcher {

    /**
     * {@code face} recoloured so that inside {@code mask} its colours follow {@code frame}'s; all three the same size,
     * {@code face} and {@code frame} {@link ChannelOrder#BGR}, {@code mask} {@link ChannelOrder#GRAY} (0 or 255).
     * May return {@code face} itself when it changes nothing.
     */
    Image match(Image face, Image frame, Image mask);
}
