package dev.faceswap4j.detector.hog;

import dev.faceswap4j.toolkit.DlibInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A dlib {@code object_detector<scan_fhog_pyramid<pyramid_down<6>>>} as written by dlib's
 * {@code serialize} (its {@code .svm} files): scanner configuration, the overlap test used for
 * non-maximum suppression, and one weight vector per filter (31 FHOG planes of
 * {@code filterHeight × filterWidth} cells, then the detection threshold).
 */
final class FhogDetectorModel {

    static final int PLANES = 31;

    final int cellSize;
    final int padding;
    final int windowWidth;
    final int windowHeight;
    final long maxPyramidLevels;
    final long minLayerWidth;
    final long minLayerHeight;
    final double iouThreshold;
    final double percentCoveredThreshold;
    /** FHOG window of the filters, in cells, padding included. */
    final int filterWidth;
    final int filterHeight;
    final List<FhogFilter> filters;

    private FhogDetectorModel(int cellSize, int padding, int windowWidth, int windowHeight, long maxPyramidLevels, long minLayerWidth,
            long minLayerHeight, double iouThreshold, double percentCoveredThreshold, List<FhogFilter> filters) {
        this.cellSize = cellSize;
        this.padding = padding;
        this.windowWidth = windowWidth;
        this.windowHeight = windowHeight;
        this.maxPyramidLevels = maxPyramidLevels;
        this.minLayerWidth = minLayerWidth;
        this.minLayerHeight = minLayerHeight;
        this.iouThreshold = iouThreshold;
        this.percentCoveredThreshold = percentCoveredThreshold;
        int[] size = fhogWindowSize(windowWidth, windowHeight, cellSize, padding);
        this.filterWidth = size[0];
        this.filterHeight = size[1];
        this.filters = filters;
    }

    static FhogDetectorModel load(Path file) {
        DlibInput in = DlibInput.open(file);
        int version = in.readInt();
        if (version != 2) {
            throw in.error("not a dlib object_detector (version " + version + ", expected 2)");
        }
        if (in.readInt() != 1) {
            throw in.error("not a scan_fhog_pyramid object_detector");
        }
        in.readLong(); // max_size of the (empty) cached feature pyramid
        int cached = in.readCount(0, "cached feature pyramid size");
        assert cached == 0;
        int cellSize = in.readCount(64, "cell size");
        int padding = in.readCount(64, "padding");
        int windowWidth = in.readCount(4096, "window width");
        int windowHeight = in.readCount(4096, "window height");
        long maxLevels = in.readLong();
        long minWidth = in.readLong();
        long minHeight = in.readLong();
        in.readDouble(); // nuclear norm regularization strength: training only
        long dims = in.readLong();
        if (cellSize < 2 || windowWidth < cellSize || windowHeight < cellSize) {
            throw in.error("unsupported scanner (cell size " + cellSize + ", window " + windowWidth + "x" + windowHeight + ")");
        }
        int[] window = fhogWindowSize(windowWidth, windowHeight, cellSize, padding);
        long expectedDims = (long) window[0] * window[1] * PLANES;
        if (dims != expectedDims) {
            throw in.error("scanner has " + dims + " dimensions, a " + window[0] + "x" + window[1] + " FHOG window has " + expectedDims);
        }
        double iou = in.readDouble();
        double covered = in.readDouble();
        int count = in.readCount(1000, "filter count");
        if (count == 0) {
            throw in.error("detector without filters");
        }
        List<FhogFilter> filters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long rows = Math.abs(in.readLong());
            long cols = Math.abs(in.readLong());
            if (cols != 1 || rows != dims + 1) {
                throw in.error("weight vector " + i + " is " + rows + "x" + cols + ", expected " + (dims + 1) + "x1");
            }
            double[] w = new double[(int) rows];
            for (int k = 0; k < w.length; k++) {
                w[k] = in.readDouble();
            }
            filters.add(FhogFilter.fromWeights(w, window[0], window[1]));
        }
        if (!in.atEnd()) {
            throw in.error("trailing data after the detector");
        }
        return new FhogDetectorModel(cellSize, padding, windowWidth, windowHeight, maxLevels, minWidth, minHeight, iou, covered, filters);
    }

    /** dlib's compute_fhog_window_size: the detection window mapped to FHOG cells, grown by the padding. */
    static int[] fhogWindowSize(int windowWidth, int windowHeight, int cellSize, int padding) {
        long left = -(windowWidth / 2);
        long top = -(windowHeight / 2);
        long right = left + windowWidth - 1;
        long bottom = top + windowHeight - 1;
        long l = imageToFhog(left, cellSize, 1) - padding;
        long t = imageToFhog(top, cellSize, 1) - padding;
        long r = imageToFhog(right, cellSize, 1) + padding;
        long b = imageToFhog(bottom, cellSize, 1) + padding;
        return new int[] {(int) (r - l + 1), (int) (b - t + 1)};
    }

    /** dlib's image_to_fhog for one coordinate (C++ integer division truncates toward zero, as Java's does). */
    static long imageToFhog(long p, int cellSize, int filterPadding) {
        return (p - 1) / cellSize - 1 + (filterPadding - 1) / 2;
    }

    /** dlib's fhog_to_image for one coordinate: the centre of the cell. */
    static long fhogToImage(long p, int cellSize, int filterPadding) {
        long image = (p + 1 - (filterPadding - 1) / 2) * cellSize + 1;
        return image >= 0 ? image + cellSize / 2 : image - cellSize / 2;
    }
}
