package dev.faceswap4j.core.face;

import java.util.List;

/**
 * The faces found in one frame (none is a valid answer: the frame was looked at); {@code source} is
 * the image file of a folder input, {@code null} for a video.
 */
public record FrameRecord(int frame, String source, List<FaceRecord> faces) {

    public FrameRecord {
        faces = List.copyOf(faces);
    }
}
