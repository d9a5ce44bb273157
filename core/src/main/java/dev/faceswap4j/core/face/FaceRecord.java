package dev.faceswap4j.core.face;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.api.Rect;
import java.util.List;

/**
 * One face of one frame in the alignments file.
 *
 * @param face index within the frame in {@link FaceFinder#ORDER} (largest first), among all faces found (kept or not)
 * @param matrix frame → crop transform of the aligned crop; convert warps back with its inverse
 * @param crop file name of the aligned crop in the faces folder
 * @param track the face's track: the same number in other frames is the same person followed through the video
 * @param distance descriptor distance to the reference person (absent without a reference)
 * @param descriptor the face's recognition descriptor, when extract was asked to keep it (faceswap4j faces)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaceRecord(int face, Rect box, double score, List<Point2> landmarks, Affine matrix, String crop, int track, Double distance,
        float[] descriptor) {

    public FaceRecord {
        landmarks = List.copyOf(landmarks);
    }

    public FaceRecord withoutDescriptor() {
        return new FaceRecord(face, box, score, landmarks, matrix, crop, track, distance, null);
    }
}
