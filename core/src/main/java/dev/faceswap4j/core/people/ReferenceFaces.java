package dev.faceswap4j.core.people;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.LandmarkPredictor;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.face.Descriptors;
import dev.faceswap4j.core.face.FaceChips;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The descriptors of the people named by reference images or face folders. A reference image must
 * show exactly one face (otherwise it is unclear whom it names); a face folder is an {@code extract}
 * or {@code faces} output, whose crops are used as they are (up to {@value #FOLDER_FACES}, spread
 * over it), or else any folder of one-face images.
 */
public final class ReferenceFaces {

    /** Faces of a folder averaged into its person: enough to cover pose and light, few enough to load in a second. */
    static final int FOLDER_FACES = 32;

    private final FaceDetector detector;
    private final LandmarkPredictor landmarks;
    private final FaceEmbedder embedder;

    public ReferenceFaces(FaceDetector detector, LandmarkPredictor landmarks, FaceEmbedder embedder) {
        this.detector = detector;
        this.landmarks = landmarks;
        this.embedder = embedder;
    }

    /** One person's mean descriptor from all of {@code paths} together (they show the same person). */
    public float[] person(List<Path> paths) {
        List<float[]> all = new ArrayList<>();
        for (Path path : paths) {
            all.addAll(descriptors(path));
        }
        return Descriptors.mean(all);
    }

    /** The descriptors of one reference image or face folder. */
    public List<float[]> descriptors(Path path) {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve(Alignments.FILE_NAME)) ? ofFaceFolder(path) : ofImageFolder(path);
        }
        if (!Files.exists(path)) {
            throw new FaceswapException("reference not found: " + path);
        }
        return FaceChips.embed(embedder, List.of(chipOfImage(path)));
    }

    private List<float[]> ofFaceFolder(Path folder) {
        return FaceChips.embed(embedder, FaceChips.ofFaceFolder(folder, FOLDER_FACES, embedder.chipSize(), "reference folder"));
    }

    private List<float[]> ofImageFolder(Path folder) {
        List<Path> images;
        try (Stream<Path> files = Files.list(folder)) {
            images = files.filter(ReferenceFaces::isImage).sorted().toList();
        } catch (IOException e) {
            throw new FaceswapException("cannot list reference folder " + folder + ": " + Messages.firstLine(e), e);
        }
        if (images.isEmpty()) {
            throw new FaceswapException("reference folder " + folder + " holds no image (JPEG, PNG, BMP) and no " + Alignments.FILE_NAME);
        }
        List<Image> chips = new ArrayList<>();
        for (Path image : FaceChips.spread(images, FOLDER_FACES)) {
            chips.add(chipOfImage(image));
        }
        return FaceChips.embed(embedder, chips);
    }

    private Image chipOfImage(Path file) {
        Image image = Images.readBgr(file);
        List<Detection> faces = detector.detect(image);
        if (faces.isEmpty()) {
            throw new FaceswapException("reference image " + file + ": no face found");
        }
        if (faces.size() > 1) {
            throw new FaceswapException(String.format(Locale.ROOT,
                    "reference image %s: %d faces; crop it to the one person, or give a folder from faceswap4j faces", file, faces.size()));
        }
        return FaceChips.ofFrame(image, landmarks.predict(image, faces.get(0).box()), embedder.chipSize());
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".bmp"));
    }
}
