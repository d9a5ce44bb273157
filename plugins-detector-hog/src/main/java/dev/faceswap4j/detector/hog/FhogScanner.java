package dev.faceswap4j.detector.hog;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.Rect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;

/**
 * Runs an {@link FhogDetectorModel} over an image pyramid the way dlib's {@code object_detector}
 * does: FHOG features per pyramid level, each filter correlated with them, every window scoring at
 * least the filter's threshold kept, then greedy non-maximum suppression across all filters with
 * the model's overlap test. Levels are independent, so they can run on several threads: the
 * calling thread plus the pool's.
 */
final class FhogScanner {

    private record Candidate(double score, long left, long top, long right, long bottom) {}

    private final FhogDetectorModel model;

    FhogScanner(FhogDetectorModel model) {
        this.model = model;
    }

    List<Detection> detect(ColorImage image, double adjustThreshold, ExecutorService pool) {
        int levels = levelCount(image);
        List<List<List<Candidate>>> perLevel = new ArrayList<>();
        if (pool == null || levels == 1) {
            ColorImage level = image;
            for (int l = 0; l < levels; l++) {
                level = l == 0 ? image : PyramidDown.down(level);
                perLevel.add(scanLevel(level, l, adjustThreshold));
            }
        } else {
            // The pool's threads scan each level as soon as this thread has built it; once the
            // pyramid is done, this thread scans whatever level no worker has started yet.
            List<FutureTask<List<List<Candidate>>>> tasks = new ArrayList<>();
            ColorImage level = image;
            for (int l = 0; l < levels; l++) {
                level = l == 0 ? image : PyramidDown.down(level);
                ColorImage scanned = level;
                int index = l;
                FutureTask<List<List<Candidate>>> task = new FutureTask<>(() -> scanLevel(scanned, index, adjustThreshold));
                tasks.add(task);
                pool.execute(task);
            }
            for (int i = tasks.size() - 1; i >= 0; i--) {
                tasks.get(i).run(); // no-op when a worker already took it
            }
            for (FutureTask<List<List<Candidate>>> task : tasks) {
                try {
                    perLevel.add(task.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        // dlib: per filter, all levels, best first; then all filters together, best first.
        List<Candidate> all = new ArrayList<>();
        for (int f = 0; f < model.filters.size(); f++) {
            List<Candidate> ofFilter = new ArrayList<>();
            for (List<List<Candidate>> level : perLevel) {
                ofFilter.addAll(level.get(f));
            }
            ofFilter.sort(Comparator.comparingDouble(Candidate::score).reversed());
            all.addAll(ofFilter);
        }
        all.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : all) {
            if (kept.stream().noneMatch(k -> overlaps(k, c))) {
                kept.add(c);
            }
        }
        List<Detection> result = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            result.add(new Detection(new Rect(c.left, c.top, c.right - c.left + 1, c.bottom - c.top + 1), c.score));
        }
        return result;
    }

    /** How many levels dlib's pyramid has: as many 5/6 steps as keep a level at least the minimum layer size. */
    private int levelCount(ColorImage image) {
        long[] rect = {0, 0, image.width() - 1, image.height() - 1};
        int levels = 0;
        do {
            rect = PyramidDown.rectDown(rect);
            levels++;
        } while (rect[2] - rect[0] + 1 >= model.minLayerWidth && rect[3] - rect[1] + 1 >= model.minLayerHeight
                && levels < model.maxPyramidLevels);
        return levels;
    }

    /** Candidates of one pyramid level, one list per filter, in frame coordinates. */
    private List<List<Candidate>> scanLevel(ColorImage level, int l, double adjustThreshold) {
        Fhog.Planes feats = Fhog.extract(level, model.cellSize, model.filterHeight, model.filterWidth);
        List<List<Candidate>> result = new ArrayList<>();
        int boxWidth = model.filterWidth - 2 * model.padding;
        int boxHeight = model.filterHeight - 2 * model.padding;
        float[][][] saliencies = feats.isEmpty() ? null : FhogCorrelation.saliency(feats, model.filters);
        for (int f = 0; f < model.filters.size(); f++) {
            FhogFilter filter = model.filters.get(f);
            List<Candidate> found = new ArrayList<>();
            result.add(found);
            if (saliencies == null) {
                continue;
            }
            float[][] saliency = saliencies[f];
            int firstRow = filter.height / 2;
            int firstCol = filter.width / 2;
            int lastRow = feats.rows() - (filter.height - 1) / 2;
            int lastCol = feats.cols() - (filter.width - 1) / 2;
            double threshold = filter.threshold + adjustThreshold;
            for (int r = firstRow; r < lastRow; r++) {
                for (int c = firstCol; c < lastCol; c++) {
                    float s = saliency[r][c];
                    if (s >= threshold) {
                        long left = c - boxWidth / 2;
                        long top = r - boxHeight / 2;
                        long right = left + boxWidth - 1;
                        long bottom = top + boxHeight - 1;
                        long[] up = PyramidDown.rectUp(
                                FhogDetectorModel.fhogToImage(left, model.cellSize, model.filterWidth),
                                FhogDetectorModel.fhogToImage(top, model.cellSize, model.filterHeight),
                                FhogDetectorModel.fhogToImage(right, model.cellSize, model.filterWidth),
                                FhogDetectorModel.fhogToImage(bottom, model.cellSize, model.filterHeight), l);
                        found.add(new Candidate(s - filter.threshold, up[0], up[1], up[2], up[3]));
                    }
                }
            }
        }
        return result;
    }

    /** dlib's test_box_overlap: intersection over the box bounding both, or either box mostly covered. */
    private boolean overlaps(Candidate a, Candidate b) {
        long il = Math.max(a.left, b.left);
        long it = Math.max(a.top, b.top);
        long ir = Math.min(a.right, b.right);
        long ib = Math.min(a.bottom, b.bottom);
        if (ir < il || ib < it) {
            return false;
        }
        double inner = (double) (ir - il + 1) * (ib - it + 1);
        double outer = (double) (Math.max(a.right, b.right) - Math.min(a.left, b.left) + 1)
                * (Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top) + 1);
        double areaA = (double) (a.right - a.left + 1) * (a.bottom - a.top + 1);
        double areaB = (double) (b.right - b.left + 1) * (b.bottom - b.top + 1);
        return inner / outer > model.iouThreshold || inner / areaA > model.percentCoveredThreshold
                || inner / areaB > model.percentCoveredThreshold;
    }
}
