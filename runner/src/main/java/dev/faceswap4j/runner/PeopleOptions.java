package dev.faceswap4j.runner;

import dev.faceswap4j.core.people.People;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --reference}, {@code --exclude} and {@code --reference-distance} of extract and convert, over the config's. */
final class PeopleOptions {

    @Option(names = "--reference", split = ",", paramLabel = "IMG|DIR", description = {"Only this person's faces: images showing just them,",
            "or face folders (extract or faces output); repeat or separate with commas (default: the config's reference)."})
    List<Path> reference;

    @Option(names = "--exclude", split = ",", paramLabel = "IMG|DIR", description = "Never these people's faces (images or face folders, one person each).")
    List<Path> exclude;

    @Option(names = "--reference-distance", paramLabel = "D", description = {"Largest descriptor distance still the reference person",
            "(default: the config's reference-distance; auto = the embedder's own figure)."})
    Double distance;

    /** The config's selection with what was given on the command line in its place. */
    People over(People configured) {
        People people = configured;
        if (reference != null) {
            people = people.withReference(reference);
        }
        if (exclude != null) {
            people = people.withExclude(exclude);
        }
        if (distance != null) {
            people = people.withDistance(distance);
        }
        return people;
    }
}
