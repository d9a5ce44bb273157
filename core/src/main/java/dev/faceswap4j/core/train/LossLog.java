package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceswapException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code losses.csv}: one row per iteration — iteration, each named loss, the trainer's statistics (gradient norms,
 * update sizes), an {@code event} (what the training guard did before this iteration, else empty), seconds since the
 * run started.
 */
public final class LossLog implements AutoCloseable {

    public static final String FILE_NAME = "losses.csv";
    /** The column of what happened to the run (a roll-back), text without commas. */
    public static final String EVENT = "event";

    private final Path file;
    private BufferedWriter writer;
    private List<String> columns;

    private LossLog(Path file) {
        this.file = file;
    }

    /**
     * Opens the log of {@code dir} to continue after {@code iteration}: rows of later iterations (done
     * after the checkpoint being resumed) are dropped, since they are about to be trained again.
     */
    public static LossLog continueAfter(Path dir, long iteration) {
        LossLog log = new LossLog(dir.resolve(FILE_NAME));
        log.truncate(iteration);
        return log;
    }

    private void truncate(long iteration) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                if (kept.isEmpty()) {
                    kept.add(line); // header
                    columns = List.of(line.split(",", -1));
                    continue;
                }
                String first = line.split(",", 2)[0];
                if (!first.isBlank() && Long.parseLong(first) <= iteration) {
                    kept.add(line);
                }
            }
            if (iteration == 0) {
                kept.clear();
                columns = null;
            }
            Path temp = file.resolveSibling("." + FILE_NAME + ".tmp");
            Files.write(temp, kept, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | NumberFormatException e) {
            throw new FaceswapException("cannot read loss history " + file + ": " + e.getMessage(), e);
        }
    }

    /** Drops the rows after {@code iteration} (the run went back to its checkpoint there); the next append continues. */
    public void rewind(long iteration) {
        close();
        writer = null;
        truncate(iteration);
    }

    /** A row of losses alone: no statistics, no event. */
    public void append(long iteration, Map<String, Double> losses, double seconds) {
        append(iteration, losses, Map.of(), null, seconds);
    }

    public void append(long iteration, Map<String, Double> losses, Map<String, Double> statistics, String event, double seconds) {
        try {
            if (writer == null) {
                boolean fresh = columns == null;
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (fresh) {
                    columns = new ArrayList<>();
                    columns.add("iteration");
                    columns.addAll(losses.keySet());
                    columns.addAll(statistics.keySet());
                    columns.add(EVENT);
                    columns.add("seconds");
                    writer.write(String.join(",", columns));
                    writer.newLine();
                }
            }
            StringBuilder row = new StringBuilder().append(iteration);
            // By the header's names: a history begun by an older version keeps its columns (new losses are left out of it).
            for (String column : columns.subList(1, columns.size() - 1)) {
                if (column.equals(EVENT)) {
                    row.append(',').append(event == null ? "" : event.replace(',', ';').replace('\n', ' '));
                    continue;
                }
                // Losses to six decimals as always; statistics span orders of magnitude (an update of 1e-5 of the weights).
                Double value = losses.containsKey(column) ? losses.get(column) : statistics.get(column);
                String format = losses.containsKey(column) ? "%.6f" : "%.6g";
                row.append(',').append(value == null ? "" : String.format(Locale.ROOT, format, value));
            }
            row.append(',').append(String.format(Locale.ROOT, "%.1f", seconds));
            writer.write(row.toString());
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new FaceswapException("cannot write loss history " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new FaceswapException("cannot write loss history " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
