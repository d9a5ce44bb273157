package dev.faceswap4j.core.people;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.OpenCvImages;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Faces as thumbnails in a grid, each row optionally led by a label: a look at who is in a video. */
public final class ContactSheet {

    static final int THUMB = 96;
    private static final int LABEL = 120;

    private ContactSheet() {}

    /** One labelled row per entry of {@code rows} (its faces, at most {@code columns} shown); {@code labels} may be null. */
    public static void write(List<List<Image>> rows, List<String> labels, int columns, Path file) {
        int labelWidth = labels == null ? 0 : LABEL;
        int width = labelWidth + columns * THUMB;
        try (Mat sheet = new Mat(rows.size() * THUMB, width, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(32, 32, 32, 0))) {
            for (int r = 0; r < rows.size(); r++) {
                List<Image> faces = rows.get(r);
                for (int c = 0; c < Math.min(columns, faces.size()); c++) {
                    Image face = faces.get(c);
                    Image thumb = OpenCvImages.cropResize(face, 0, 0, face.width(), face.height(), THUMB, THUMB);
                    try (Mat tile = OpenCvImages.toMat(thumb); Rect where = new Rect(labelWidth + c * THUMB, r * THUMB, THUMB, THUMB);
                            Mat target = sheet.apply(where)) {
                        tile.copyTo(target);
                    }
                }
                if (labels != null) {
                    try (Point at = new Point(8, r * THUMB + THUMB / 2 + 6); Scalar white = new Scalar(255, 255, 255, 0)) {
                        opencv_imgproc.putText(sheet, labels.get(r), at, opencv_imgproc.FONT_HERSHEY_SIMPLEX, 0.6, white, 1,
                                opencv_imgproc.LINE_AA, false);
                    }
                }
            }
            OpenCvImages.writeImage(OpenCvImages.toImage(sheet, ChannelOrder.BGR), file);
        }
    }
}
