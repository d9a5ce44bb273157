package dev.faceswap4j.core.people;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whose faces a stage works on ({@code reference}, {@code exclude}, {@code reference-distance} of the
 * extract and convert sections): everyone, only the person shown by the reference images or face
 * folders, and never the people shown by the exclude ones.
 *
 * @param distance the largest descriptor distance still counted as the reference person; NaN = the embedder's own figure
 */
public record People(List<Path> reference, List<Path> exclude, double distance) {

    public static final People EVERYONE = new People(List.of(), List.of(), Double.NaN);

    public People {
        reference = List.copyOf(reference);
        exclude = List.copyOf(exclude);
        if (!Double.isNaN(distance) && !(distance > 0)) {
            throw new FaceswapException("reference-distance must be a positive number or auto, got " + distance);
        }
    }

    /** Whether some faces are left out. */
    public boolean filters() {
        return !reference.isEmpty() || !exclude.isEmpty();
    }

    public People withReference(List<Path> paths) {
        return new People(paths, exclude, distance);
    }

    public People withExclude(List<Path> paths) {
        return new People(reference, paths, distance);
    }

    public People withDistance(double value) {
        return new People(reference, exclude, value);
    }

    /** Reads {@code reference}, {@code exclude} and {@code reference-distance} ("auto" or a number) of a section. */
    public static People from(Config section) {
        String distance = section.getString("reference-distance").trim();
        double value;
        if (distance.equalsIgnoreCase("auto")) {
            value = Double.NaN;
        } else {
            try {
                value = Double.parseDouble(distance);
            } catch (NumberFormatException e) {
                throw new FaceswapException("reference-distance must be a number or auto, got \"" + distance + "\"");
            }
        }
        return new People(paths(section.getStringList("reference")), paths(section.getStringList("exclude")), value);
    }

    /** A stable text of the selection, for telling whether an earlier extraction was made with the same one. */
    public String describe() {
        if (!filters()) {
            return "";
        }
        return String.format(Locale.ROOT, "reference=%s exclude=%s distance=%s", absolute(reference), absolute(exclude),
                Double.isNaN(distance) ? "auto" : Double.toString(distance));
    }

    private static String absolute(List<Path> paths) {
        return paths.stream().map(p -> p.toAbsolutePath().normalize().toString()).collect(Collectors.joining(",", "[", "]"));
    }

    private static List<Path> paths(List<String> names) {
        return names.stream().map(Path::of).toList();
    }
}
