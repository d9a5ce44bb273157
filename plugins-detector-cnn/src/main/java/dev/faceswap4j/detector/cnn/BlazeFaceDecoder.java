package dev.faceswap4j.detector.cnn;

import dev.faceswap4j.api.Rect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns BlazeFace's raw outputs into detections in the unit square of the model input: 896 SSD
 * anchors on two grids (16×16 with 2 anchors per cell, 8×8 with 6), each regressing a box and six
 * key points as offsets from the anchor centre in input pixels, with a logit score; then MediaPipe's
 * weighted non-maximum suppression (overlapping boxes are averaged, weighted by score).
 */
final class BlazeFaceDecoder {

    /** A face in unit coordinates of the model input: centre, size, 6 key points (x, y interleaved). */
    record Face(float cx, float cy, float w, float h, float[] keypoints, float score) {
        Rect box() {
            return new Rect(cx - w / 2, cy - h / 2, w, h);
        }
    }

    private BlazeFaceDecoder() {}

    /**
     * @param scores logits, one per anchor of the grid
     * @param boxes 16 values per anchor: x, y, w, h, then 6 key points (x, y)
     */
    static void decodeGrid(float[] scores, float[] boxes, int cells, int anchorsPerCell, int inputSize, float minScore, List<Face> out) {
        float scale = 1f / inputSize;
        for (int y = 0; y < cells; y++) {
            for (int x = 0; x < cells; x++) {
                float ax = (x + 0.5f) / cells;
                float ay = (y + 0.5f) / cells;
                for (int a = 0; a < anchorsPerCell; a++) {
                    int i = (y * cells + x) * anchorsPerCell + a;
                    float logit = Math.max(-100f, Math.min(100f, scores[i]));
                    float score = (float) (1 / (1 + Math.exp(-logit)));
                    if (score < minScore) {
                        continue;
                    }
                    int b = i * 16;
                    float[] keypoints = new float[12];
                    for (int k = 0; k < 6; k++) {
                        keypoints[2 * k] = ax + boxes[b + 4 + 2 * k] * scale;
                        keypoints[2 * k + 1] = ay + boxes[b + 5 + 2 * k] * scale;
                    }
                    out.add(new Face(ax + boxes[b] * scale, ay + boxes[b + 1] * scale, boxes[b + 2] * scale, boxes[b + 3] * scale,
                            keypoints, score));
                }
            }
        }
    }

    /** MediaPipe's weighted NMS: each cluster of boxes overlapping the best one by more than {@code iou} becomes their score-weighted mean. */
    static List<Face> weightedNms(List<Face> faces, float iou) {
        List<Face> remaining = new ArrayList<>(faces);
        remaining.sort(Comparator.comparingDouble(Face::score).reversed());
        List<Face> result = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Face best = remaining.get(0);
            List<Face> cluster = new ArrayList<>();
            List<Face> rest = new ArrayList<>();
            for (Face f : remaining) {
                (best.box().iou(f.box()) > iou ? cluster : rest).add(f);
            }
            float total = 0, cx = 0, cy = 0, w = 0, h = 0;
            float[] keypoints = new float[12];
            for (Face f : cluster) {
                total += f.score();
                cx += f.cx() * f.score();
                cy += f.cy() * f.score();
                w += f.w() * f.score();
                h += f.h() * f.score();
                for (int k = 0; k < 12; k++) {
                    keypoints[k] += f.keypoints()[k] * f.score();
                }
            }
            for (int k = 0; k < 12; k++) {
                keypoints[k] /= total;
            }
            result.add(new Face(cx / total, cy / total, w / total, h / total, keypoints, best.score()));
            remaining = rest;
        }
        return result;
    }
}
