package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceswapException;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * {@code losses.png} beside {@code losses.csv}: every loss column against the iteration, on a log scale
 * (losses fall by orders of magnitude) and smoothed (one step's loss is one random batch's).
 */
public final class LossPlot {

    public static final String FILE_NAME = "losses.png";
    /** Points drawn per curve at most: a long run is averaged down to this, which also smooths it. */
    private static final int POINTS = 400;

    private LossPlot() {}

    /** Draws {@code dir}'s {@code losses.csv} into {@code dir/losses.png} (written to a temp file, then renamed); nothing without rows. */
    public static void write(Path dir) {
        Path csv = dir.resolve(LossLog.FILE_NAME);
        if (!Files.isRegularFile(csv)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                return;
            }
            XYChart chart = chart(lines);
            Path temp = dir.resolve("." + FILE_NAME + ".tmp");
            ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", temp.toFile());
            Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new FaceswapException("cannot draw " + csv + " into " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    static XYChart chart(List<String> lines) {
        String[] header = lines.get(0).split(",", -1);
        int rows = lines.size() - 1;
        int perPoint = Math.max(1, (int) Math.ceil(rows / (double) POINTS));
        XYChart chart = new XYChartBuilder().width(800).height(450).title(perPoint == 1 ? "training losses" : "training losses (each point: the mean of " + perPoint + " iterations)")
                .xAxisTitle("iteration").yAxisTitle("loss").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setMarkerSize(0).setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNE);
        // Columns between "iteration" and "seconds" are losses.
        for (int column = 1; column < header.length - 1; column++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            double sum = 0;
            double lastIteration = 0;
            int count = 0;
            for (int row = 1; row <= rows; row++) {
                String[] cells = lines.get(row).split(",", -1);
                double value = Double.parseDouble(cells[column]);
                lastIteration = Double.parseDouble(cells[0]);
                // Log scale: only positive values can be drawn.
                if (value > 0 && Double.isFinite(value)) {
                    sum += value;
                    count++;
                }
                if ((row % perPoint == 0 || row == rows) && count > 0) {
                    x.add(lastIteration);
                    y.add(sum / count);
                    sum = 0;
                    count = 0;
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(header[column], x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            }
        }
        return chart;
    }
}
