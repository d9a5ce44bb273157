package dev.faceswap4j.runner.docs;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * What a reader of README.md and docs/ can follow: every relative link and image names a file or folder of the
 * repository (and a heading of that page where it has an #anchor), and every {@code faceswap4j <command>} in the
 * code is a command of the CLI.
 */
final class DocsCheck {

    /** A URI scheme (https:, mailto:): links out, not checked here. */
    private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** {@code faceswap4j WORD [WORD]} as a shell line shows it (bin/faceswap4j too, not faceswap4j.key or faceswap4j-api). */
    private static final Pattern COMMAND = Pattern.compile("(?<![\\w.-])faceswap4j[ \\t]+([a-z][\\w-]*)(?:[ \\t]+([a-z][\\w-]*))?");

    private final Path root;
    private final Map<Path, MarkdownPage> pages = new HashMap<>();

    DocsCheck(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** README.md and every Markdown file under docs/. */
    List<Path> pages() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> tree = Files.walk(docs)) {
                tree.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** One line per link or image that points nowhere: "docs/x.md:12: ... ". */
    List<String> brokenLinks() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : pages()) {
            MarkdownPage page = page(file);
            for (MarkdownPage.Located target : page.targets()) {
                String problem = problem(file, target.text());
                if (problem != null) {
                    problems.add(root.relativize(file) + ":" + target.line() + ": " + problem);
                }
            }
        }
        return problems;
    }

    /** One line per {@code faceswap4j WORD} in the code of a page where WORD is no command of {@code cli}. */
    List<String> unknownCommands(CommandLine cli) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : pages()) {
            for (MarkdownPage.Located code : page(file).code()) {
                Matcher shown = COMMAND.matcher(code.text());
                while (shown.find()) {
                    String problem = unknownCommand(cli, shown.group(1), shown.group(2));
                    if (problem != null) {
                        int line = code.line() + (int) code.text().substring(0, shown.start()).chars().filter(c -> c == '\n').count();
                        problems.add(root.relativize(file) + ":" + line + ": " + problem);
                    }
                }
            }
        }
        return problems;
    }

    private static String unknownCommand(CommandLine cli, String command, String next) {
        CommandLine sub = cli.getSubcommands().get(command);
        if (sub == null) {
            return "'faceswap4j " + command + "' is not a command (the CLI has " + String.join(", ", cli.getSubcommands().keySet()) + ")";
        }
        if (next != null && !sub.getSubcommands().isEmpty() && !sub.getSubcommands().containsKey(next)) {
            return "'faceswap4j " + command + " " + next + "' is not a command (" + command + " has "
                    + String.join(", ", sub.getSubcommands().keySet()) + ")";
        }
        return null;
    }

    private String problem(Path file, String destination) throws IOException {
        if (destination.isEmpty()) {
            return "empty link";
        }
        if (EXTERNAL.matcher(destination).find()) {
            return null;
        }
        int hash = destination.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? destination : destination.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : destination.substring(hash + 1);
        Path target = path.isEmpty() ? file
                : (path.startsWith("/") ? root.resolve(path.substring(1)) : file.getParent().resolve(path)).normalize();
        if (!target.startsWith(root)) {
            return destination + " points outside the repository";
        }
        if (!Files.exists(target)) {
            return destination + " points nowhere (" + root.relativize(target) + " does not exist)";
        }
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        Path anchored = Files.isDirectory(target) ? target.resolve("README.md") : target;
        if (!anchored.toString().endsWith(".md") || !Files.isRegularFile(anchored)) {
            return destination + ": #" + anchor + " on a file that is not Markdown";
        }
        if (!page(anchored).anchors().contains(anchor)) {
            return destination + ": " + root.relativize(anchored) + " has no heading #" + anchor;
        }
        return null;
    }

    private MarkdownPage page(Path file) throws IOException {
        MarkdownPage page = pages.get(file);
        if (page == null) {
            page = MarkdownPage.read(file);
            pages.put(file, page);
        }
        return page;
    }
}
