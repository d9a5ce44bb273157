package dev.faceswap4j.core.face;

import java.util.List;

/** Arithmetic of face recognition descriptors: Euclidean distance (dlib's and face-api's measure), cosine, mean. */
public final class Descriptors {

    private Descriptors() {}

    public static double distance(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    public static double cosine(float[] x, float[] y) {
        double dot = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            dot += (double) x[i] * y[i];
            xx += (double) x[i] * x[i];
            yy += (double) y[i] * y[i];
        }
        return dot / Math.sqrt(xx * yy);
    }

    /** The element-wise mean of one person's descriptors: that person's identity. */
    public static float[] mean(List<float[]> descriptors) {
        float[] mean = new float[descriptors.get(0).length];
        for (float[] d : descriptors) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += d[i] / descriptors.size();
            }
        }
        return mean;
    }
}
