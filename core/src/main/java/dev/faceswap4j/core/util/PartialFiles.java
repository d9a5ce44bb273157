package dev.faceswap4j.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hidden files and folders an output is built in before it is renamed into place. Each is named for this process
 * ({@code .NAME.PID.KIND}), so two processes writing one output never share one; those of a process that no longer
 * runs (a kill -9) are removed by the next one to write that output; and those still there when this process stops in
 * order (Ctrl-C, SIGTERM) are removed on the way out, as a failure removes them.
 */
public final class PartialFiles {

    private static final long PID = ProcessHandle.current().pid();
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(FileTrees::deleteQuietly), "remove-partial-files"));
    }

    private PartialFiles() {}

    /**
     * A name beside {@code target} to build it under, {@code .NAME.PID.KIND} (KIND such as {@code partial} or
     * {@code video.mp4}), nothing created yet; removed on an orderly stop until {@link #done}. Any of a dead process is
     * removed now.
     */
    public static Path beside(Path target, String kind) {
        String name = target.getFileName().toString();
        removeDead(target.toAbsolutePath().getParent(), name, kind);
        Path partial = target.resolveSibling("." + name + "." + PID + "." + kind);
        PENDING.add(partial);
        return partial;
    }

    /** {@code partial} became its target or was removed: nothing to remove on the way out. */
    public static void done(Path partial) {
        PENDING.remove(partial);
    }

    /** Also removed on an orderly stop until {@link #done}: a folder a job created and fills before it is complete. */
    public static void removeOnStop(Path path) {
        PENDING.add(path);
    }

    private static void removeDead(Path folder, String name, String kind) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        Pattern ours = Pattern.compile(Pattern.quote("." + name + ".") + "(\\d+)" + Pattern.quote("." + kind));
        try (Stream<Path> entries = Files.list(folder)) {
            entries.forEach(entry -> {
                Matcher m = ours.matcher(entry.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    FileTrees.deleteQuietly(entry);
                }
            });
        } catch (IOException | NumberFormatException e) {
            // Left-overs stay until a later run; this one writes under its own name anyway.
        }
    }
}
