package dev.faceswap4j.api;

/** Convert's blend stage ({@code faceswap4j.convert.blend = <name>}): the colour-matched face put into the frame. */
public interface FaceBlender {

    /**
     * The frame region with {@code face} blended in: all the same size, {@code face} and {@code frame}
     * {@link ChannelOrder#BGR}, {@code mask} {@link ChannelOrder#GRAY} (feathered when {@link #wantsFeatheredMask()}).
     */
    Image blend(Image face, Image frame, Image mask);

    /** Whether convert feathers the mask first (an alpha blend wants soft edges; Poisson blending its hard outline). */
    default boolean wantsFeatheredMask() {
        return true;
    }
}
