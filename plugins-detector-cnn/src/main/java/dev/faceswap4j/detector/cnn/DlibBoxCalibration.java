package dev.faceswap4j.detector.cnn;

import dev.faceswap4j.api.Rect;

/**
 * A dlib-like face box from BlazeFace's key points (0 right eye, 1 left eye, 2 nose tip, 3 mouth,
 * 4 right ear, 5 left ear), because dlib's 68-point predictor was trained on dlib detector boxes:
 * a square centred at eyes-midpoint + {@link #DOWN}·(mouth − eyes-midpoint), with side
 * {@link #SIDE}·|mouth − eyes-midpoint| + {@link #SIDE_EYES}·|left eye − right eye|. The constants
 * come from a grid search for the smallest mean difference between the 68 landmarks predicted from
 * this box and from dlib's HOG box, on faces both detect: the 19 of the sample photos and 29 frames of
 * nggyup.mp4 (every 10th). Mean differences: photos 1.86 px, nggyup 2.45 px (its HOG boxes come in
 * 1.2× scale steps, 216 or 259 px for a ~235 px face, which no continuous box can follow), and
 * 1.46 px on 18 faces of dirtydancing.mp4 that were not used for the fit.
  */
final class DlibBoxCalibration {

    static final double DOWN = 0.375;
    static final double SIDE = 2.18;
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
