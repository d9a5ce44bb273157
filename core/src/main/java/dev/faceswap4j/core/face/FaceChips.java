package dev.faceswap4j.core.face;

import dev.faceswap4j.api.Affine;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.core.align.FaceAligner;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.image.OpenCvImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Recognition chips (dlib-style: the mean-face square at two thirds of the chip) and their descriptors, in batches. */
public final class FaceChips {

    private static final int BATCH = 16;

    private FaceChips() {}

    /** The chip of the face with these landmarks in {@code frame}. */
    public static Image ofFrame(Image frame, Landmarks landmarks, int size) {
        return FaceAligner.crop(frame, FaceAligner.cropTransform(landmarks, size, size / 6.0), size);
    }

    /** An extract crop (mean-face square at [padding, cropSize − padding]) re-cut as a chip. */
    public static Image ofCrop(Image crop, int cropSize, double padding, int size) {
        double scale = (size * 2.0 / 3.0) / (cropSize - 2 * padding);
        double offset = size / 6.0 - padding * scale;
        return OpenCvImages.warpAffine(crop, new Affine(scale, 0, offset, 0, scale, offset), size, size);
    }

    /**
     * Chips of up to {@code limit} faces of an {@code extract} folder, spread over it (first to last frame);
     * {@code what} names the folder's role in the errors.
     */
    public static List<Image> ofFaceFolder(Path folder, int limit, int size, String what) {
        Path file = folder.resolve(Alignments.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new FaceswapException(what + ": " + folder + " has no " + Alignments.FILE_NAME + " (make it with faceswap4j extract)");
        }
        Alignments alignments = Alignments.read(file);
        List<FaceRecord> faces = alignments.frames().stream().flatMap(f -> f.faces().stream()).toList();
        if (faces.isEmpty()) {
            throw new FaceswapException(what + ": " + folder + " holds no face");
        }
        List<Image> chips = new ArrayList<>();
        for (FaceRecord face : spread(faces, limit)) {
            Path crop = folder.resolve(face.crop());
            if (!Files.isRegularFile(crop)) {
                throw new FaceswapException(what + ": " + crop + " is missing; run extract on " + folder + " again");
            }
            chips.add(ofCrop(Images.readBgr(crop), alignments.cropSize(), alignments.padding(), size));
        }
        return chips;
    }

    /** Up to {@code count} of {@code all}, spread evenly from first to last (a video's faces: all its scenes). */
    public static <T> List<T> spread(List<T> all, int count) {
        int n = Math.min(count, all.size());
        return IntStream.range(0, n).mapToObj(k -> all.get((int) ((long) k * all.size() / n))).toList();
    }

    /** Descriptors of any number of chips, a bounded batch per network call. */
    public static List<float[]> embed(FaceEmbedder embedder, List<Image> chips) {
        List<float[]> result = new ArrayList<>(chips.size());
        for (int start = 0; start < chips.size(); start += BATCH) {
            result.addAll(embedder.embed(chips.subList(start, Math.min(chips.size(), start + BATCH))));
        }
        return result;
    }
}
