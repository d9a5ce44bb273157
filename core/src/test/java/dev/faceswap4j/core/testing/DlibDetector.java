package dev.faceswap4j.core.testing;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.Image;
import java.util.List;

/**
 * dlib's own HOG detector (through {@link DlibReference}) as a {@link FaceDetector}, so extraction
 * can be tested on real faces before a Java detector plugin exists. Slow (one process per frame).
 */
public final class DlibDetector implements FaceDetector {

    private int calls;

    @Override
    public List<Detection> detect(Image image) {
        calls++;
        try {
            return DlibReference.run(image, 0, 0).faces().stream().map(f -> new Detection(f.box(), f.score())).toList();
        } catch (Exception e) {
            throw new IllegalStateException("dlib reference failed", e);
        }
    }

    public int calls() {
        return calls;
    }
}
