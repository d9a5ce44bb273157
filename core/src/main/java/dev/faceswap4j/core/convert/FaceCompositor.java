package dev.faceswap4j.core.convert;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceBlender;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.api.RegionFace;
import dev.faceswap4j.core.image.OpenCvImages;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Puts a swapped face back into its frame: the face warped back by the inverse of the frame → face
 * similarity, a mask (the mask stage's, e.g. the landmark hull, ∩ the warped-back face square, eroded, then
 * feathered when the blend stage wants it), the colour stage inside the mask, and the blend stage. All work
 * happens in the face's region of the frame, so its cost does not grow with the frame size.
 */
public final class FaceCompositor {

    private final ConvertSettings settings;
    private final ConvertStages stages;

    public FaceCompositor(ConvertSettings settings, ConvertStages stages) {
        this.settings = settings;
        this.stages = stages;
    }

    /** A swapped face warped into the frame region {@code (x, y)} it covers, with its blend mask (0..255). */
    public record Placement(int x, int y, Image face, Image mask) {}

    /**
     * Warps {@code swapped} (a face cut out of the frame by {@code frameToFace}) back and builds its
     * mask ({@code modelMask}: the one the model predicted, or null); {@code null} when the face lies outside a
     * {@code frameWidth}×{@code frameHeight} frame.
     */
    public Placement place(Affine frameToFace, Image swapped, Image modelMask, Landmarks landmarks, int frameWidth, int frameHeight) {
        int faceSize = swapped.width();
        Affine faceToFrame = frameToFace.inverse();
        double side = faceSize * Math.sqrt(Math.abs(faceToFrame.determinant()));
        Rect roi = region(faceToFrame, faceSize, side, frameWidth, frameHeight);
        if (roi == null) {
            return null;
        }
        Affine faceToRegion = faceToFrame.then(new Affine(1, 0, -roi.x(), 0, 1, -roi.y()));
        try (roi;
                Mat face = OpenCvImages.toMat(swapped);
                Mat matrix = OpenCvImages.toMat(faceToRegion);
                Size regionSize = new Size(roi.width(), roi.height());
                Mat warped = new Mat();
                Mat square = new Mat(faceSize, faceSize, opencv_core.CV_8UC1, new Scalar(255));
                Mat squareWarped = new Mat();
                Mat faceMask = OpenCvImages.toMat(stages.mask().mask(new RegionFace(roi.width(), roi.height(),
                        shifted(landmarks, roi.x(), roi.y()), faceToRegion, swapped, modelMask)));
                Mat mask = new Mat();
                Scalar black = new Scalar(0, 0, 0, 0)) {
            // Replicated border: the feather may reach a pixel beyond the square's bilinear edge, never black.
            opencv_imgproc.warpAffine(face, warped, matrix, regionSize, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_REPLICATE, black);
            if (settings.sharpen() > 0) {
                unsharp(warped, side / faceSize, settings.sharpen());
            }
            opencv_imgproc.warpAffine(square, squareWarped, matrix, regionSize, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_CONSTANT, black);
            // Only pixels wholly inside the square: its bilinear edge is half face, half border.
            opencv_imgproc.threshold(squareWarped, squareWarped, 254, 255, opencv_imgproc.THRESH_BINARY);
            opencv_core.bitwise_and(faceMask, squareWarped, mask);
            int erode = (int) Math.round(settings.erode() * side);
            if (erode > 0) {
                try (Size kernelSize = new Size(2 * erode + 1, 2 * erode + 1);
                        Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, kernelSize)) {
                    opencv_imgproc.erode(mask, mask, kernel);
                }
            }
            int blur = (int) Math.round(settings.blur() * side) | 1;
            if (blur > 1 && stages.blend().wantsFeatheredMask()) {
                try (Size kernelSize = new Size(blur, blur)) {
                    opencv_imgproc.GaussianBlur(mask, mask, kernelSize, 0);
                }
            }
            return new Placement(roi.x(), roi.y(), OpenCvImages.toImage(warped, ChannelOrder.BGR), OpenCvImages.toImage(mask, ChannelOrder.GRAY));
        }
    }

    /** Colour-matches and blends {@code placement} into {@code frame} (BGR, changed in place). */
    public void blend(Mat frame, Placement placement) {
        Image maskImage = placement.mask();
        try (Rect area = new Rect(placement.x(), placement.y(), maskImage.width(), maskImage.height());
                Mat target = new Mat(frame, area);
                Mat mask = OpenCvImages.toMat(maskImage);
                Mat inside = new Mat()) {
            opencv_imgproc.threshold(mask, inside, 127, 255, opencv_imgproc.THRESH_BINARY);
            if (opencv_core.countNonZero(inside) == 0) {
                return;
            }
            Image region = OpenCvImages.toImage(target, ChannelOrder.BGR);
            Image insideImage = OpenCvImages.toImage(inside, ChannelOrder.GRAY);
            Image face = stages.color().match(placement.face(), region, insideImage);
            FaceBlender blender = stages.blend();
            Image blended = blender.blend(face, region, blender.wantsFeatheredMask() ? maskImage : insideImage);
            try (Mat result = OpenCvImages.toMat(blended)) {
                result.copyTo(target);
            }
        }
    }

    /** {@code landmarks} in the coordinates of a region whose pixel (0, 0) is frame pixel (originX, originY). */
    private static Landmarks shifted(Landmarks landmarks, int originX, int originY) {
        return new Landmarks(landmarks.points().stream().map(p -> new Point2(p.x() - originX, p.y() - originY)).toList());
    }

    /** face += amount · (face − Gaussian(face, σ)), σ = one model pixel in the frame: the unsharp mask. */
    private static void unsharp(Mat face, double sigma, double amount) {
        try (Mat soft = new Mat(); Size automatic = new Size(0, 0)) {
            opencv_imgproc.GaussianBlur(face, soft, automatic, Math.max(0.5, sigma));
            opencv_core.addWeighted(face, 1 + amount, soft, -amount, 0, face);
        }
    }

    /** The frame region the face square covers (the mask never leaves it), widened for the feather; null when off-frame. */
    private Rect region(Affine faceToFrame, int faceSize, double side, int frameWidth, int frameHeight) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            Point2 p = faceToFrame.apply(new Point2((corner & 1) * faceSize, (corner >> 1) * faceSize));
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        int margin = 2 + (int) Math.ceil(settings.blur() * side);
        int x0 = Math.max(0, (int) Math.floor(minX) - margin);
        int y0 = Math.max(0, (int) Math.floor(minY) - margin);
        int x1 = Math.min(frameWidth, (int) Math.ceil(maxX) + margin);
        int y1 = Math.min(frameHeight, (int) Math.ceil(maxY) + margin);
        return x1 - x0 < 2 || y1 - y0 < 2 ? null : new Rect(x0, y0, x1 - x0, y1 - y0);
    }
}
