package dev.faceswap4j.core.compare;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Writes a comparison: {@code grid.png} (input | each model, one face per row), {@code compare.md} and {@code compare.csv}. */
public final class ComparisonReport {

    public static final String GRID = "grid.png";
    public static final String MARKDOWN = "compare.md";
    public static final String CSV = "compare.csv";
    private static final int CELL = 128;
    private static final int HEADER = 24;

    private ComparisonReport() {}

    public static void write(ModelComparison.Result result, List<String> columnNames, int rows, String context, Path dir) {
        try {
            Files.createDirectories(dir);
            OpenCvImages.writeImage(grid(result, columnNames, rows), dir.resolve(GRID));
            Files.writeString(dir.resolve(MARKDOWN), markdown(result.figures(), context), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(CSV), csv(result.figures()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FaceswapException("cannot write the comparison into " + dir + ": " + Messages.firstLine(e), e);
        }
    }

    static Image grid(ModelComparison.Result result, List<String> columnNames, int rows) {
        int shown = Math.min(rows, result.inputs().size());
        int columns = 1 + result.swapped().size();
        try (Mat sheet = new Mat(HEADER + shown * CELL, columns * CELL, opencv_core.CV_8UC3, new Scalar(40, 40, 40, 0));
                Scalar white = new Scalar(255, 255, 255, 0)) {
            for (int c = 0; c < columns; c++) {
                opencv_imgproc.putText(sheet, columnNames.get(c), new Point(c * CELL + 4, HEADER - 7), opencv_imgproc.FONT_HERSHEY_SIMPLEX,
                        0.45, white, 1, opencv_imgproc.LINE_AA, false);
                for (int r = 0; r < shown; r++) {
                    Image face = c == 0 ? result.inputs().get(r) : result.swapped().get(c - 1).get(r);
                    try (Mat source = OpenCvImages.toMat(face); Mat cell = new Mat(); Size size = new Size(CELL, CELL);
                            Rect where = new Rect(c * CELL, HEADER + r * CELL, CELL, CELL); Mat target = sheet.apply(where)) {
                        opencv_imgproc.resize(source, cell, size, 0, 0, opencv_imgproc.INTER_CUBIC);
                        cell.copyTo(target);
                    }
                }
            }
            return OpenCvImages.toImage(sheet, ChannelOrder.BGR);
        }
    }

    static String markdown(List<ModelComparison.Figures> figures, String context) {
        StringBuilder text = new StringBuilder("# Model comparison\n\n").append(context).append("\n\n");
        text.append("| | faces | reconstruction L1 ↓ | reconstruction SSIM ↑ | swap change (L1 to input) | sharpness (var. of Laplacian)"
                + " | grid ↓ | identity distance to target ↓ | ms / face |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ModelComparison.Figures f : figures) {
            text.append("| ").append(f.name()).append(" | ").append(f.faces())
                    .append(" | ").append(format(f.reconstructionL1(), 4))
                    .append(" | ").append(format(f.reconstructionSsim(), 3))
                    .append(" | ").append(format(f.change(), 4))
                    .append(" | ").append(format(f.sharpness(), 1))
                    .append(" | ").append(format(f.grid(), 2))
                    .append(" | ").append(format(f.identityDistance(), 3))
                    .append(" | ").append(format(f.millisPerFace(), 2)).append(" |\n");
        }
        text.append("""

                Reconstruction: the held-out faces rendered as their own identity, against the faces (L1 of 0–1 pixels, SSIM of the luma); \
                faceswap-GAN blends its output over the input by its alpha mask, so where the mask is closed its reconstruction is the input itself.
                Swap change: L1 between the swapped and the input face; near 0, the model let the input through.
                Sharpness: variance of the Laplacian of the swapped faces (input and target rows: of the real faces).
                Grid: how strongly the faces carry a regular pattern of period 2, 4 or 8 model pixels (the up-sampling layers' grid \
                or checkerboard): the strongest of those frequencies over the power around it, per face, averaged; 2 to 3 for real \
                faces (the input row is the baseline), 5 and more where a faint grid shows.
                Identity distance: Euclidean distance of face descriptors to the target person's mean descriptor (dlib's same-person \
                threshold is 0.6); the "input faces" row is where an unswapped face stands.
                """);
        return text.toString();
    }

    static String csv(List<ModelComparison.Figures> figures) {
        List<String> lines = new ArrayList<>();
        lines.add("model,faces,reconstruction_l1,reconstruction_ssim,swap_change_l1,sharpness,grid,identity_distance,ms_per_face");
        for (ModelComparison.Figures f : figures) {
            lines.add(String.join(",", "\"" + f.name().replace("\"", "\"\"") + "\"", Integer.toString(f.faces()), format(f.reconstructionL1(), 6),
                    format(f.reconstructionSsim(), 6), format(f.change(), 6), format(f.sharpness(), 3), format(f.grid(), 3),
                    format(f.identityDistance(), 6), format(f.millisPerFace(), 3)));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String format(double value, int decimals) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
