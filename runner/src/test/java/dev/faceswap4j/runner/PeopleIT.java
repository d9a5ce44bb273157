package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.face.FaceRecord;
import dev.faceswap4j.core.face.FrameRecord;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.testing.TestData;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.core.video.FrameRange;
import dev.faceswap4j.core.video.FrameSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extract --reference} through the launcher: only the reference person's faces, and clear errors for bad references. */
class PeopleIT {

    /**
     * The lead's face in every 5th frame of dirtydancing.mp4, by eye from the contact sheets of {@code faceswap4j faces}:
     * frame → left edge of his box (HOG), frames 0-80 alone in close-up, 140-190 among bystanders; in the other frames
     * only his partner and bystanders are found.
     */
    private static final Map<Integer, Integer> LEAD = new TreeMap<>(Map.ofEntries(Map.entry(0, 474), Map.entry(5, 509),
            Map.entry(10, 509), Map.entry(15, 452), Map.entry(20, 405), Map.entry(25, 508), Map.entry(30, 577), Map.entry(35, 542),
            Map.entry(40, 538), Map.entry(45, 509), Map.entry(50, 480), Map.entry(55, 474), Map.entry(60, 538), Map.entry(65, 624),
            Map.entry(70, 646), Map.entry(75, 681), Map.entry(80, 652), Map.entry(140, 174), Map.entry(145, 94), Map.entry(150, 74),
            Map.entry(160, 214), Map.entry(165, 353), Map.entry(170, 473), Map.entry(175, 532), Map.entry(180, 552), Map.entry(185, 520),
            Map.entry(190, 543)));

    @TempDir
    Path dir;

    @Test
    void extractsOnlyTheLeadOfADanceSceneWithBystanders() throws Exception {
        Path clip = danceScene();
        // A frame that is not among those extracted, showing only him: the user's photo of the person.
        Path reference = dir.resolve("lead.png");
        try (FrameSource source = FrameSource.open(clip, FrameRange.parse("12:13"))) {
            OpenCvImages.writeImage(source.next().image(), reference);
        }
        Path faces = dir.resolve("faces");
        Launcher.Result run = Launcher.run(Launcher.stagedDistribution(), 600, "extract", "--input", clip.toString(), "--output",
                faces.toString(), "--every", "5", "--reference", reference.toString(), "--no-progress");
        assertEquals(0, run.exit(), run.err());

        List<FaceRecord> extracted = facesIn(faces);
        for (FaceRecord face : extracted) {
            assertTrue(face.distance() != null && face.distance() <= 0.5, "distance in alignments.json: " + face.distance());
        }
        int kept = extracted.size();
        int right = leadFaces(faces);
        double precision = (double) right / kept;
        double recall = (double) right / LEAD.size();
        System.out.printf("dirtydancing, lead by reference photo: precision %.3f, recall %.3f (%d kept)%n", precision, recall, kept);
        assertEquals(1.0, precision, "every extracted face is the lead");
        assertTrue(recall >= 0.9, "recall " + recall);
        assertTrue(run.out().contains("faces of other people left out"), run.out());
    }

    @Test
    void aReferenceWithSeveralFacesOrNoFaceIsOneClearLine() throws Exception {
        requireModels();
        Path group = TestModels.samplePhoto(1);
        Path input = TestModels.samplePhoto(2);
        Launcher.Result several = Launcher.run(Launcher.stagedDistribution(), 300, "extract", "--input", input.toString(), "--output",
                dir.resolve("a").toString(), "--reference", group.toString(), "--no-progress");
        assertEquals(2, several.exit(), several.err());
        assertTrue(several.err().matches("error: reference image " + java.util.regex.Pattern.quote(group.toString())
                + ": \\d+ faces; crop it to the one person, or give a folder from faceswap4j faces\n"), several.err());

        byte[] gray = new byte[200 * 200 * 3];
        Arrays.fill(gray, (byte) 128);
        Path blank = dir.resolve("blank.png");
        OpenCvImages.writeImage(new Image(200, 200, ChannelOrder.BGR, gray), blank);
        Launcher.Result none = Launcher.run(Launcher.stagedDistribution(), 300, "extract", "--input", input.toString(), "--output",
                dir.resolve("b").toString(), "--reference", blank.toString(), "--no-progress");
        assertEquals(2, none.exit(), none.err());
        assertEquals("error: reference image " + blank + ": no face found\n", none.err());
        assertTrue(!Files.exists(dir.resolve("b").resolve(Alignments.FILE_NAME)));
    }

    @Test
    void facesGroupsTheLeadIntoOneFolder() throws Exception {
        Path clip = danceScene();
        Path people = dir.resolve("people");
        Launcher.Result run = Launcher.run(Launcher.stagedDistribution(), 600, "faces", "--input", clip.toString(), "--output",
                people.toString(), "--every", "5", "--no-progress");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.isRegularFile(people.resolve("people.png")));
        assertTrue(Files.isRegularFile(people.resolve("person-1").resolve("contact-sheet.png")));
        // The most seen person is the lead: every one of his faces, and no one else's.
        int faces = facesIn(people.resolve("person-1")).size();
        int lead = leadFaces(people.resolve("person-1"));
        System.out.printf("dirtydancing, faces person-1: %d faces, %d of them the lead (of %d)%n", faces, lead, LEAD.size());
        assertEquals(faces, lead, "person-1 holds only the lead");
        assertTrue(lead >= 0.9 * LEAD.size(), "the lead's faces in person-1: " + lead);
    }

    /** dirtydancing.mp4, with the models the tests need; skipped without the shared clips. */
    private static Path danceScene() throws Exception {
        Optional<Path> clip = TestData.sharedVideo("dirtydancing.mp4");
        assumeTrue(clip.isPresent(), TestData.missingMessage("dirtydancing.mp4"));
        requireModels();
        return clip.get();
    }

    private static List<FaceRecord> facesIn(Path folder) {
        return Alignments.read(folder.resolve(Alignments.FILE_NAME)).frames().stream().flatMap(frame -> frame.faces().stream()).toList();
    }

    /** The faces of {@code folder} that are the lead's, by the {@link #LEAD} map. */
    private static int leadFaces(Path folder) {
        int lead = 0;
        for (FrameRecord frame : Alignments.read(folder.resolve(Alignments.FILE_NAME)).frames()) {
            Integer x = LEAD.get(frame.frame());
            for (FaceRecord face : frame.faces()) {
                lead += x != null && Math.abs(face.box().x() - x) < 40 ? 1 : 0;
            }
        }
        return lead;
    }

    private static void requireModels() throws Exception {
        Launcher.fetchModels();
    }
}
