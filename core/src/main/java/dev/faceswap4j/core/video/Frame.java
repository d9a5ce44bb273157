package dev.faceswap4j.core.video;

import dev.faceswap4j.api.Image;

/**
 * A decoded frame: its index in the input (0-based, counting every frame), the image file it came
 * from for an image folder ({@code null} for a video), and its pixels (BGR).
 */
public record Frame(int index, String source, Image image) {}
