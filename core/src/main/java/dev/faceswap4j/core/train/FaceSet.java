package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.face.FaceRecord;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aligned face crops of one identity, decoded once and kept in memory (a 256 px crop is 192 KiB).
 * Where the folder holds the {@code alignments.json} of {@code extract}, only the crops it lists are
 * used, so stray images (a contact sheet, a screenshot) do not end up in training, and each crop gets
 * its eye, mouth and face masks ({@link EyeMasks}) from the landmarks there; without that file the mask lists are empty.
 */
public record FaceSet(Path folder, int cropSize, List<Path> files, List<Image> crops, List<Image> eyeMasks, List<Image> mouthMasks,
        List<Image> faceMasks) {

    private static final Logger log = LoggerFactory.getLogger(FaceSet.class);
    private static final Set<String> IMAGE_SUFFIXES = Set.of("png", "jpg", "jpeg", "bmp");

    public FaceSet {
        files = List.copyOf(files);
        crops = List.copyOf(crops);
        eyeMasks = List.copyOf(eyeMasks);
        mouthMasks = List.copyOf(mouthMasks);
        faceMasks = List.copyOf(faceMasks);
        if (!eyeMasks.isEmpty() && eyeMasks.size() != crops.size() || mouthMasks.size() != eyeMasks.size() || faceMasks.size() != eyeMasks.size()) {
            throw new IllegalArgumentException(crops.size() + " crops but " + eyeMasks.size() + " eye, " + mouthMasks.size() + " mouth and "
                    + faceMasks.size() + " face masks");
        }
    }

    /** Whether the crops have their eye, mouth and face masks (the set came with extract's alignments). */
    public boolean hasEyeMasks() {
        return !eyeMasks.isEmpty();
    }

    public int size() {
        return crops.size();
    }

    /** Reads every aligned crop of {@code folder}; one-line errors name the folder or the file at fault. */
    public static FaceSet read(Path folder) {
        if (Files.isRegularFile(folder)) {
            throw new FaceswapException("faces folder " + folder + " is a file; name the folder extract wrote the faces into");
        }
        if (!Files.isDirectory(folder)) {
            throw new FaceswapException("faces folder " + folder + " does not exist (make it with faceswap4j extract)");
        }
        List<Path> files = imageFiles(folder);
        Path alignmentsFile = folder.resolve(Alignments.FILE_NAME);
        if (files.isEmpty() && !Files.exists(alignmentsFile)) {
            List<Path> perVideo = extractedSubfolders(folder);
            if (!perVideo.isEmpty()) {
                return union(folder, perVideo.stream().map(FaceSet::read).toList());
            }
        }
        Map<String, FaceRecord> records = Map.of();
        if (Files.isRegularFile(alignmentsFile)) {
            records = byCrop(Alignments.read(alignmentsFile));
            files = onlyExtracted(folder, files, records.keySet());
        }
        if (files.isEmpty()) {
            throw new FaceswapException("faces folder " + folder + " holds no face images (make them with faceswap4j extract)");
        }
        List<Image> crops = new ArrayList<>(files.size());
        int cropSize = -1;
        for (Path file : files) {
            Image crop = Images.readBgr(file);
            if (crop.width() != crop.height()) {
                throw new FaceswapException("face image " + file + " is " + crop.width() + "x" + crop.height()
                        + ", not a square aligned crop (the output of faceswap4j extract)");
            }
            if (cropSize < 0) {
                cropSize = crop.width();
            } else if (crop.width() != cropSize) {
                throw new FaceswapException("face image " + file + " is " + crop.width() + " px, the others in " + folder + " are "
                        + cropSize + " px; extract every face of one set with the same crop-size");
            }
            crops.add(crop);
        }
        List<Image> eyeMasks = new ArrayList<>();
        List<Image> mouthMasks = new ArrayList<>();
        List<Image> faceMasks = new ArrayList<>();
        if (!records.isEmpty()) {
            for (Path file : files) {
                FaceRecord record = records.get(file.getFileName().toString());
                eyeMasks.add(EyeMasks.of(record, cropSize));
                mouthMasks.add(EyeMasks.mouthOf(record, cropSize));
                faceMasks.add(EyeMasks.faceOf(record, cropSize));
            }
        }
        return new FaceSet(folder, cropSize, files, crops, eyeMasks, mouthMasks, faceMasks);
    }

    /** The folders under {@code folder} that extract wrote (each with its alignments): extract of a folder of videos. */
    private static List<Path> extractedSubfolders(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve(Alignments.FILE_NAME))).sorted().toList();
        } catch (IOException e) {
            throw new FaceswapException("cannot list faces folder " + folder + ": " + Messages.firstLine(e), e);
        }
    }

    /** One set of the faces of several videos' folders, of one crop size; masks only when every folder has them. */
    private static FaceSet union(Path folder, List<FaceSet> sets) {
        int cropSize = sets.get(0).cropSize();
        boolean masks = sets.stream().allMatch(FaceSet::hasEyeMasks);
        List<Path> files = new ArrayList<>();
        List<Image> crops = new ArrayList<>();
        List<Image> eyes = new ArrayList<>();
        List<Image> mouths = new ArrayList<>();
        List<Image> faces = new ArrayList<>();
        for (FaceSet set : sets) {
            if (set.cropSize() != cropSize) {
                throw new FaceswapException("faces folder " + set.folder() + " holds " + set.cropSize() + " px crops, " + sets.get(0).folder()
                        + " " + cropSize + " px; extract every video of one set with the same crop-size");
            }
            files.addAll(set.files());
            crops.addAll(set.crops());
            if (masks) {
                eyes.addAll(set.eyeMasks());
                mouths.addAll(set.mouthMasks());
                faces.addAll(set.faceMasks());
            }
        }
        log.info("{}: {} faces from {} folders", folder, crops.size(), sets.size());
        return new FaceSet(folder, cropSize, files, crops, eyes, mouths, faces);
    }

    private static Map<String, FaceRecord> byCrop(Alignments alignments) {
        Map<String, FaceRecord> records = new HashMap<>();
        alignments.frames().forEach(frame -> frame.faces().forEach(face -> records.put(face.crop(), face)));
        return records;
    }

    private static List<Path> imageFiles(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> IMAGE_SUFFIXES.contains(suffix(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new FaceswapException("cannot list faces folder " + folder + ": " + Messages.firstLine(e), e);
        }
    }

    private static List<Path> onlyExtracted(Path folder, List<Path> files, Set<String> listed) {
        List<Path> kept = files.stream().filter(p -> listed.contains(p.getFileName().toString())).toList();
        if (kept.size() < files.size()) {
            log.warn("{}: ignoring {} image(s) that {} does not list (not written by extract)", folder, files.size() - kept.size(),
                    Alignments.FILE_NAME);
        }
        return kept;
    }

    private static String suffix(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
