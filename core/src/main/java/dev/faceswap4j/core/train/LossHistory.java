package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code losses.csv} says: the losses (and the trainer's statistics) by name, iteration by iteration, the seconds
 * each was reached at, and the events of the training guard.
 */
public record LossHistory(List<String> names, long[] iterations, double[] seconds, Map<String, double[]> losses, List<Event> events) {

    /** Something the training guard did, written on the first row after it: e.g. a roll-back to a checkpoint. */
    public record Event(long iteration, String text) {}

    /** One curve averaged down: {@code x} the last iteration of each group of rows, {@code y} their mean. */
    public record Curve(List<Double> x, List<Double> y) {}

    public static final LossHistory EMPTY = new LossHistory(List.of(), new long[0], new double[0], Map.of(), List.of());

    /** The history of {@code dir}; {@link #EMPTY} when it has none yet. */
    public static LossHistory read(Path dir) {
        Path csv = dir.resolve(LossLog.FILE_NAME);
        if (!Files.isRegularFile(csv)) {
            return EMPTY;
        }
        try {
            return parse(Files.readAllLines(csv, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new FaceswapException("cannot read loss history " + csv + ": " + Messages.firstLine(e), e);
        }
    }

    static LossHistory parse(List<String> lines) {
        if (lines.size() < 2) {
            return EMPTY;
        }
        String[] header = lines.get(0).split(",", -1);
        // Columns between "iteration" and "seconds" are losses and statistics, but for the guard's events.
        List<String> columns = List.of(header).subList(1, header.length - 1);
        List<String> names = columns.stream().filter(name -> !name.equals(LossLog.EVENT)).toList();
        List<Event> events = new ArrayList<>();
        List<String> rows = lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank()).toList();
        long[] iterations = new long[rows.size()];
        double[] seconds = new double[rows.size()];
        Map<String, double[]> losses = new LinkedHashMap<>();
        names.forEach(name -> losses.put(name, new double[rows.size()]));
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r).split(",", -1);
            iterations[r] = Long.parseLong(cells[0]);
            seconds[r] = Double.parseDouble(cells[header.length - 1]);
            for (int c = 0; c < columns.size(); c++) {
                String cell = cells[c + 1];
                if (columns.get(c).equals(LossLog.EVENT)) {
                    if (!cell.isBlank()) {
                        events.add(new Event(iterations[r], cell));
                    }
                    continue;
                }
                losses.get(columns.get(c))[r] = cell.isBlank() ? Double.NaN : Double.parseDouble(cell);
            }
        }
        return new LossHistory(names, iterations, seconds, losses, List.copyOf(events));
    }

    /** The losses themselves, without the parts of one (as a GAN's {@code g_a.mask}) and without statistics. */
    public List<String> mainNames() {
        return names.stream().filter(name -> !name.contains(Trainer.PART_SEPARATOR) && !name.contains(Trainer.STATISTIC_SEPARATOR)).toList();
    }

    /** The trainer's statistics ({@link Trainer#statistics()}: gradient norms, update sizes). */
    public List<String> statisticNames() {
        return names.stream().filter(name -> name.contains(Trainer.STATISTIC_SEPARATOR)).toList();
    }

    /** The parts of a loss ({@link Trainer#PART_SEPARATOR}), drawn apart: they sit far below the totals. */
    public List<String> partNames() {
        return names.stream().filter(name -> name.contains(Trainer.PART_SEPARATOR)).toList();
    }

    public int rows() {
        return iterations.length;
    }

    /** Rows averaged per point so that each curve has at most {@code points} (positive, finite values only: they go on a log axis). */
    public int rowsPerPoint(int points) {
        return Math.max(1, (int) Math.ceil(rows() / (double) points));
    }

    public Curve curve(String name, int points) {
        double[] values = losses.get(name);
        int perPoint = rowsPerPoint(points);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double sum = 0;
        int count = 0;
        for (int row = 0; row < rows(); row++) {
            if (values[row] > 0 && Double.isFinite(values[row])) {
                sum += values[row];
                count++;
            }
            if (((row + 1) % perPoint == 0 || row == rows() - 1) && count > 0) {
                x.add((double) iterations[row]);
                y.add(sum / count);
                sum = 0;
                count = 0;
            }
        }
        return new Curve(x, y);
    }

    /** Iterations per second over the last {@code window} rows (NaN with fewer than two). */
    public double iterationsPerSecond(int window) {
        if (rows() < 2) {
            return Double.NaN;
        }
        int from = Math.max(0, rows() - window);
        double elapsed = seconds[rows() - 1] - seconds[from];
        return elapsed <= 0 ? Double.NaN : (iterations[rows() - 1] - iterations[from]) / elapsed;
    }
}
