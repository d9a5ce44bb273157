package dev.faceswap4j.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faceswap4j.core.image.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Folders of frames (convert's PNG output) compared frame by frame. */
public final class FrameFolders {

    private FrameFolders() {}

    /** The frames of {@code actual} that differ from {@code expected}'s, as "(frame, largest channel difference)"; same file names asserted. */
    public static List<String> differences(Path expected, Path actual) throws IOException {
        List<String> names = listing(expected);
        assertEquals(names, listing(actual), "frame files");
        List<String> differing = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            byte[] a = Images.readBgr(expected.resolve(names.get(f))).pixels();
            byte[] b = Images.readBgr(actual.resolve(names.get(f))).pixels();
            int largest = 0;
            for (int i = 0; i < a.length; i++) {
                largest = Math.max(largest, Math.abs((a[i] & 0xff) - (b[i] & 0xff)));
            }
            if (largest > 0) {
                differing.add("(" + f + ", " + largest + ")");
            }
        }
        return differing;
    }

    /** The names in {@code folder}, sorted. */
    public static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
