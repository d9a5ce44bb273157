package dev.faceswap4j.detector.hog;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Rect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code detector = hog}: dlib-compatible FHOG detection with the options dlib's Python API has
 * (up-sampling, threshold adjustment) and two of our own: {@code max-size} scales large frames down
 * first (boxes are mapped back), {@code threads} scans pyramid levels in parallel.
 */
final class HogFaceDetector implements FaceDetector {

    private final FhogScanner scanner;
    private final int upsample;
    private final double threshold;
    private final int maxSize;
    private final ExecutorService pool;

    HogFaceDetector(FhogDetectorModel model, int upsample, double threshold, int maxSize, int threads) {
        this.scanner = new FhogScanner(model);
        this.upsample = upsample;
        this.threshold = threshold;
        this.maxSize = maxSize;
        // The calling thread works too, so N threads means N - 1 pool threads.
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "hog-detector");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    @Override
    public List<Detection> detect(Image image) {
        ColorImage color = ColorImage.of(image);
        double scale = 1;
        int longest = Math.max(color.width(), color.height());
        if (maxSize > 0 && longest > maxSize) {
            scale = (double) maxSize / longest;
            color = PyramidDown.resize(color, (int) Math.round(color.width() * scale), (int) Math.round(color.height() * scale));
        }
        for (int i = 0; i < upsample; i++) {
            color = PyramidDown.up2(color);
        }
        List<Detection> found = scanner.detect(color, threshold, pool);
        if (scale == 1 && upsample == 0) {
            return found;
        }
        List<Detection> mapped = new ArrayList<>(found.size());
        for (Detection d : found) {
            Rect b = d.box();
            long[] r = {(long) b.x(), (long) b.y(), (long) (b.x() + b.width() - 1), (long) (b.y() + b.height() - 1)};
            for (int i = 0; i < upsample; i++) {
                r = PyramidDown.rectDown2(r);
            }
            mapped.add(new Detection(new Rect(r[0] / scale, r[1] / scale, (r[2] - r[0] + 1) / scale, (r[3] - r[1] + 1) / scale), d.score()));
        }
        return mapped;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
