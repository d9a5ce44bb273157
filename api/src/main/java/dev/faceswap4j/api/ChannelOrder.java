package dev.faceswap4j.api;

/** How the interleaved bytes of an {@link Image} pixel are laid out. */
public enum ChannelOrder {
    GRAY(1),
    BGR(3),
    RGB(3),
    BGRA(4),
    RGBA(4);

    private final int channels;

    ChannelOrder(int channels) {
        this.channels = channels;
    }

    public int channels() {
        return channels;
    }
}
