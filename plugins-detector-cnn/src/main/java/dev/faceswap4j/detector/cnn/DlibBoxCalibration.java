package dev.faceswap4j.detector.cnn;

import dev.faceswap4j.api.Rect;

/**
 * A dlib-like face box from BlazeFace's key points (0 right eye, 1 left eye, 2 nose tip, 3 mouth,
 * 4 right ear, 5 left ear), because dlib's 68-point predictor was trained on dlib detector boxes:
 * a square centred at eyes-midpoint + {@link #DOWN}·(mouth − eyes-midpoint), with side
 * {@link #SIDE}·|mouth − eyes-midpoint| + {@link #SIDE_EYES}·|left eye − right eye|. The constants
 * were chosen on the 19 faces of the sample photos that both detectors find: a grid search for the
 * smallest mean difference between the 68 landmarks predicted from this box and from dlib's box
 * (1.78 px; a plain least-squares fit of the box itself gave 2.24 px). They are fitted on the same
 * photos {@code BlazeFaceDetectorTest} checks, so that test measures the fit, not generalisation.
 */
final class DlibBoxCalibration {

    static final double DOWN = 0.375;
    static final double SIDE = 2.26;
    static final double SIDE_EYES = 0.10;

    private DlibBoxCalibration() {}

    static Rect box(float[] k) {
        double ex = (k[0] + k[2]) / 2;
        double ey = (k[1] + k[3]) / 2;
        double mx = k[6] - ex;
        double my = k[7] - ey;
        double side = SIDE * Math.hypot(mx, my) + SIDE_EYES * Math.hypot(k[2] - k[0], k[3] - k[1]);
        double cx = ex + DOWN * mx;
        double cy = ey + DOWN * my;
        // dlib's box spans (x, y) .. (x + side - 1, y + side - 1), centred on (cx, cy).
        return new Rect(cx - (side - 1) / 2, cy - (side - 1) / 2, side, side);
    }
}
