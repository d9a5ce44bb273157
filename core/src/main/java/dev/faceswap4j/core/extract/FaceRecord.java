package dev.faceswap4j.core.extract;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.api.Rect;
import java.util.List;

/**
 * One face of one frame in the alignments file.
 *
 * @param face index within the frame, left to right
 * @param matrix frame → crop transform of the aligned crop; convert warps back with its inverse
 * @param crop file name of the aligned crop in the faces folder
 */
public record FaceRecord(int face, Rect box, double score, List<Point2> landmarks, Affine matrix, String crop) {

    public FaceRecord {
        landmarks = List.copyOf(landmarks);
    }
}
