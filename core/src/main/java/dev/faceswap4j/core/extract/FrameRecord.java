package dev.faceswap4j.core.extract;

import java.util.List;

/** The faces found in one frame (none is a valid answer: the frame was looked at). */
public record FrameRecord(int frame, List<FaceRecord> faces) {

    public FrameRecord {
        faces = List.copyOf(faces);
    }
}
