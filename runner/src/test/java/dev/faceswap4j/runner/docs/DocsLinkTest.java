package dev.faceswap4j.runner.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.runner.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README.md and docs/ as a reader follows them: links that lead somewhere, commands the CLI has, a short front door. */
class DocsLinkTest {

    /** The bar for the front door: the rest goes into docs/. */
    private static final long README_MAX_BYTES = 15 * 1024;

    private final DocsCheck repository = new DocsCheck(RepositoryRoot.find());

    @Test
    void everyRelativeLinkAndImagePointsToAFileAndHeadingOfTheRepository() throws IOException {
        List<String> broken = repository.brokenLinks();
        assertTrue(broken.isEmpty(), "links that point nowhere:\n" + String.join("\n", broken));
    }

    @Test
    void everyFaceswap4jCommandTheDocsShowIsACommandOfTheCli() throws IOException {
        List<String> unknown = repository.unknownCommands(Main.newCommandLine());
        assertTrue(unknown.isEmpty(), "commands the CLI does not have:\n" + String.join("\n", unknown));
    }

    @Test
    void readmeStaysAFrontDoor() throws IOException {
        long size = Files.size(RepositoryRoot.find().resolve("README.md"));
        assertTrue(size <= README_MAX_BYTES, "README.md is " + size + " bytes, more than " + README_MAX_BYTES
                + ": move the detail into a page of docs/ and link it");
    }

    @Test
    void theChecksFindBrokenLinksImagesAnchorsAndCommands(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs/img"));
        Files.writeString(dir.resolve("docs/img/shot.png"), "png");
        Files.writeString(dir.resolve("docs/guide.md"), "# Guide\n\n## Two words\n\n## Two words\n\nBack to [the start](../README.md#faceswap4j).\n");
        Files.writeString(dir.resolve("README.md"), String.join("\n",
                "# faceswap4j",
                "",
                "[fine](docs/guide.md#two-words-1) and [fine too](#faceswap4j), ![shot](docs/img/shot.png), [out](https://example.org/x)",
                "[gone](docs/missing.md) ![gone too](docs/img/none.png) [no heading](docs/guide.md#three-words)",
                "<img src=\"docs/img/other.png\" width=\"300\"> [escapes](../outside.md)",
                "",
                "```sh",
                "target/faceswap4j/bin/faceswap4j run --config x.conf",
                "faceswap4j models fetch && faceswap4j models download",
                "faceswap4j trian -A a -B b",
                "```",
                "",
                "Set `faceswap4j.detector`, or run `faceswap4j swap`.",
                ""));
        DocsCheck check = new DocsCheck(dir);

        assertEquals(List.of(
                "README.md:4: docs/missing.md points nowhere (docs/missing.md does not exist)",
                "README.md:4: docs/img/none.png points nowhere (docs/img/none.png does not exist)",
                "README.md:4: docs/guide.md#three-words: docs/guide.md has no heading #three-words",
                "README.md:5: docs/img/other.png points nowhere (docs/img/other.png does not exist)",
                "README.md:5: ../outside.md points outside the repository"), check.brokenLinks());
        List<String> unknown = check.unknownCommands(Main.newCommandLine());
        assertEquals(3, unknown.size(), String.join("\n", unknown));
        assertTrue(unknown.get(0).startsWith("README.md:9: 'faceswap4j models download' is not a command (models has "), unknown.get(0));
        assertTrue(unknown.get(1).startsWith("README.md:10: 'faceswap4j trian' is not a command (the CLI has extract, "), unknown.get(1));
        assertTrue(unknown.get(2).startsWith("README.md:13: 'faceswap4j swap' is not a command"), unknown.get(2));
    }
}
