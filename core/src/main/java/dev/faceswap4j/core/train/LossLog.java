package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
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
 * update sizes), an {@code event} (what the training guard did before this iteration, else empty), and the seconds of
 * training it took to get there, counted on across resumed runs (a resumed run's seconds start where the resumed row's
 * ended).
 */
public final class LossLog implements AutoCloseable {

    public static final String FILE_NAME = "losses.csv";
    /** The column of what happened to the run (a roll-back), text without commas. */
    public static final String EVENT = "event";

    private final Path file;
    private BufferedWriter writer;
    private List<String> columns;
    /** The seconds of the last row kept when resuming: a resumed run's own seconds are added to it. */
    private double secondsBefore;

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
                String[] cells = line.split(",", -1);
                if (!cells[0].isBlank() && Long.parseLong(cells[0]) <= iteration) {
                    kept.add(line);
                    secondsBefore = cells[cells.length - 1].isBlank() ? secondsBefore : Double.parseDouble(cells[cells.length - 1]);
                }
            }
            if (iteration == 0) {
                kept.clear();
                columns = null;
                secondsBefore = 0;
            }
            Path temp = file.resolveSibling("." + FILE_NAME + ".tmp");
            Files.write(temp, kept, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | NumberFormatException e) {
            throw new FaceswapException("cannot read loss history " + file + ": " + Messages.firstLine(e), e);
        }
    }

    /**
     * Drops the rows after {@code iteration} (the run went back to its checkpoint there); the next append continues.
     * The clock goes on: the time spent on the dropped rows was spent.
     */
    public void rewind(long iteration) {
        close();
        writer = null;
        double before = secondsBefore;
        truncate(iteration);
        secondsBefore = before;
    }

    /** Appends {@code iteration}'s losses alone (no statistics, no event), reached {@code seconds} after this run started. */
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
            row.append(',').append(String.format(Locale.ROOT, "%.1f", secondsBefore + seconds));
            writer.write(row.toString());
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new FaceswapException("cannot write loss history " + file + ": " + Messages.firstLine(e), e);
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new FaceswapException("cannot write loss history " + file + ": " + Messages.firstLine(e), e);
            }
        }
    }
}
