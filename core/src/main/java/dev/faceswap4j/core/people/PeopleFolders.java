package dev.faceswap4j.core.people;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.face.FaceChips;
import dev.faceswap4j.core.face.FaceRecord;
import dev.faceswap4j.core.face.FrameRecord;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The faces of a video, one folder per person: {@code person-1} (the person seen most) to {@code person-N},
 * each an extract folder of its own (crops and alignments.json, usable as a reference or as training faces)
 * with a {@code contact-sheet.png}, and {@code people.png} with a row per person.
 */
public final class PeopleFolders {

    /** One person found: folder name, faces, frames from first to last, and how many tracks they were seen in. */
    public record Person(String name, int faces, int firstFrame, int lastFrame, int tracks) {
        public String describe() {
            return String.format(Locale.ROOT, "%s: %d faces in %d tracks, frames %d-%d", name, faces, tracks, firstFrame, lastFrame);
        }
    }

    private static final int SHEET_COLUMNS = 8;
    private static final int SHEET_FACES = 40;

    private PeopleFolders() {}

    /** Moves the crops of the extraction {@code all} (made with descriptors) into person folders under {@code out}. */
    public static List<Person> write(Path all, Path out, double samePerson) {
        Alignments alignments = Alignments.read(all.resolve(Alignments.FILE_NAME));
        List<FaceRecord> faces = alignments.frames().stream().flatMap(f -> f.faces().stream()).toList();
        List<List<FaceRecord>> clusters = FaceClusters.of(faces, samePerson);
        List<Person> people = new ArrayList<>();
        List<List<Image>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try {
            for (int p = 0; p < clusters.size(); p++) {
                List<FaceRecord> members = clusters.get(p);
                String name = "person-" + (p + 1);
                Path folder = Files.createDirectories(out.resolve(name));
                Set<FaceRecord> mine = new HashSet<>(members);
                List<FrameRecord> frames = new ArrayList<>();
                for (FrameRecord frame : alignments.frames()) {
                    List<FaceRecord> theirs = frame.faces().stream().filter(mine::contains).toList();
                    if (!theirs.isEmpty()) {
                        frames.add(new FrameRecord(frame.frame(), frame.source(), theirs));
                    }
                }
                for (FaceRecord face : members) {
                    Files.move(all.resolve(face.crop()), folder.resolve(face.crop()), StandardCopyOption.REPLACE_EXISTING);
                }
                alignments.withFrames(frames).write(folder.resolve(Alignments.FILE_NAME));
                List<Image> shown = FaceChips.spread(members, SHEET_FACES).stream().map(f -> Images.readBgr(folder.resolve(f.crop()))).toList();
                ContactSheet.write(chunks(shown, SHEET_COLUMNS), null, SHEET_COLUMNS, folder.resolve("contact-sheet.png"));
                rows.add(FaceChips.spread(shown, SHEET_COLUMNS));
                labels.add(String.format(Locale.ROOT, "%s (%d)", name, members.size()));
                people.add(new Person(name, members.size(), frames.get(0).frame(), frames.get(frames.size() - 1).frame(),
                        (int) members.stream().mapToInt(FaceRecord::track).distinct().count()));
            }
            if (!rows.isEmpty()) {
                ContactSheet.write(rows, labels, SHEET_COLUMNS, out.resolve("people.png"));
            }
        } catch (IOException e) {
            throw new FaceswapException("cannot write the person folders in " + out + ": " + Messages.firstLine(e), e);
        }
        return people;
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> rows = new ArrayList<>();
        for (int start = 0; start < all.size(); start += size) {
            rows.add(all.subList(start, Math.min(all.size(), start + size)));
        }
        return rows;
    }
}
