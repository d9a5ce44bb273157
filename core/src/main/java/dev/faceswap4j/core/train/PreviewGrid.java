package dev.faceswap4j.core.train;

import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The preview sheet: per row a fixed face of A with its reconstruction and its swap to B, beside a
 * fixed face of B with its reconstruction and its swap to A; faces drawn at twice their size. A model that
 * predicts a mask is shown through it, over its input face, as convert's {@code mask = predicted} pastes it.
 */
public final class PreviewGrid {

    private static final String[] HEADERS = {"A", "A->A", "A->B", "B", "B->B", "B->A"};
    private static final int SCALE = 2;
    private static final int HEADER = 24;

    private final List<Image> facesA;
    private final List<Image> facesB;

    /** Faces at the model's size, BGR, fixed for the whole run. */
    public PreviewGrid(List<Image> facesA, List<Image> facesB) {
        this.facesA = List.copyOf(facesA);
        this.facesB = List.copyOf(facesB);
    }

    /** Renders the sheet once with the model as it is now and writes it to each of {@code files}. */
    public void write(Swapper model, List<Path> files) {
        int rows = Math.min(facesA.size(), facesB.size());
        if (rows == 0) {
            return;
        }
        // Rendering a face "as A" through the A decoder is its reconstruction when the face is A's.
        List<Image> aa = shown(model, facesA.subList(0, rows), Direction.B_TO_A);
        List<Image> ab = shown(model, facesA.subList(0, rows), Direction.A_TO_B);
        List<Image> bb = shown(model, facesB.subList(0, rows), Direction.A_TO_B);
        List<Image> ba = shown(model, facesB.subList(0, rows), Direction.B_TO_A);
        int cell = facesA.get(0).width() * SCALE;
        try (Mat sheet = new Mat(HEADER + rows * cell, HEADERS.length * cell, org.bytedeco.opencv.global.opencv_core.CV_8UC3,
                new Scalar(32, 32, 32, 0))) {
            for (int c = 0; c < HEADERS.length; c++) {
                try (Point at = new Point(c * cell + 6, HEADER - 7); Scalar white = new Scalar(255, 255, 255, 0)) {
                    opencv_imgproc.putText(sheet, HEADERS[c], at, opencv_imgproc.FONT_HERSHEY_SIMPLEX, 0.5, white);
                }
            }
            for (int r = 0; r < rows; r++) {
                List<Image> row = List.of(facesA.get(r), aa.get(r), ab.get(r), facesB.get(r), bb.get(r), ba.get(r));
                for (int c = 0; c < row.size(); c++) {
                    paste(sheet, row.get(c), c * cell, HEADER + r * cell, cell);
                }
            }
            for (Path file : files) {
                writePng(sheet, file);
            }
        }
    }

    /** The model's faces, each over its input through the model's own mask where it predicts one. */
    private static List<Image> shown(Swapper model, List<Image> faces, Direction direction) {
        List<Swapper.MaskedFace> swapped = model.swapWithMasks(faces, direction);
        List<Image> shown = new ArrayList<>(swapped.size());
        for (int i = 0; i < swapped.size(); i++) {
            Swapper.MaskedFace face = swapped.get(i);
            shown.add(face.mask() == null ? face.face() : overInput(face.face(), face.mask(), faces.get(i)));
        }
        return shown;
    }

    private static Image overInput(Image face, Image mask, Image input) {
        byte[] pixels = new byte[face.pixels().length];
        int channels = face.channels();
        for (int i = 0; i < pixels.length; i++) {
            int alpha = mask.pixels()[i / channels] & 0xff;
            pixels[i] = (byte) (((face.pixels()[i] & 0xff) * alpha + (input.pixels()[i] & 0xff) * (255 - alpha) + 127) / 255);
        }
        return new Image(face.width(), face.height(), face.order(), pixels);
    }

    private static void writePng(Mat sheet, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // OpenCV picks the encoder by extension, so the temporary name ends in .png too.
            Path tempPng = file.resolveSibling("." + file.getFileName() + ".tmp.png");
            if (!opencv_imgcodecs.imwrite(tempPng.toString(), sheet)) {
                throw new IOException("OpenCV could not encode the PNG");
            }
            Files.move(tempPng, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FaceswapException("cannot write preview " + file + ": " + Messages.firstLine(e), e);
        }
    }

    private static void paste(Mat sheet, Image face, int x, int y, int cell) {
        if (face.order() != ChannelOrder.BGR) {
            throw new IllegalArgumentException("preview faces are BGR, got " + face.order());
        }
        try (Mat small = OpenCvImages.toMat(face);
                Rect area = new Rect(x, y, cell, cell);
                Mat target = new Mat(sheet, area);
                Size size = new Size(cell, cell)) {
            opencv_imgproc.resize(small, target, size, 0, 0, opencv_imgproc.INTER_NEAREST);
        }
    }
}
