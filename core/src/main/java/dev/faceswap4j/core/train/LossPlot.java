package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceswapException;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        LossHistory history = LossHistory.read(dir);
        if (history.rows() == 0) {
            return;
        }
        Path temp = dir.resolve("." + FILE_NAME + ".tmp");
        try {
            ImageIO.write(BitmapEncoder.getBufferedImage(chart(history)), "png", temp.toFile());
            Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FaceswapException("cannot write " + dir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    static XYChart chart(LossHistory history) {
        int perPoint = history.rowsPerPoint(POINTS);
        XYChart chart = new XYChartBuilder().width(800).height(450)
                .title(perPoint == 1 ? "training losses" : "training losses (each point: the mean of " + perPoint + " iterations)")
                .xAxisTitle("iteration").yAxisTitle("loss").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setMarkerSize(0).setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNE);
        for (String name : history.names()) {
            LossHistory.Curve curve = history.curve(name, POINTS);
            if (!curve.x().isEmpty()) {
                chart.addSeries(name, curve.x(), curve.y()).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            }
        }
        return chart;
    }
}
