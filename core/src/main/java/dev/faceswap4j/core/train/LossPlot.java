package dev.faceswap4j.core.train;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * {@code losses.png} beside {@code losses.csv}: every loss column against the iteration, on a log scale
 * (losses fall by orders of magnitude) and smoothed (one step's loss is one random batch's); the parts of a loss
 * (a GAN's per-term shares) in a second chart below.
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
            ImageIO.write(image(history), "png", temp.toFile());
            Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FaceswapException("cannot write " + dir.resolve(FILE_NAME) + ": " + Messages.firstLine(e), e);
        }
    }

    /** The losses' chart, and below it a chart of their parts when the trainer reports any. */
    private static BufferedImage image(LossHistory history) {
        BufferedImage main = BitmapEncoder.getBufferedImage(chart(history, history.mainNames(), "training losses"));
        if (history.partNames().isEmpty()) {
            return main;
        }
        BufferedImage parts = BitmapEncoder.getBufferedImage(chart(history, history.partNames(), "parts of the losses"));
        BufferedImage both = new BufferedImage(main.getWidth(), main.getHeight() + parts.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(main, 0, 0, null);
        g.drawImage(parts, 0, main.getHeight(), null);
        g.dispose();
        return both;
    }

    static XYChart chart(LossHistory history, List<String> names, String title) {
        int perPoint = history.rowsPerPoint(POINTS);
        XYChart chart = new XYChartBuilder().width(800).height(450)
                .title(perPoint == 1 ? title : title + " (each point: the mean of " + perPoint + " iterations)")
                .xAxisTitle("iteration").yAxisTitle("loss").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setMarkerSize(0).setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNE);
        for (String name : names) {
            LossHistory.Curve curve = history.curve(name, POINTS);
            if (!curve.x().isEmpty()) {
                chart.addSeries(name, curve.x(), curve.y()).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            }
        }
        return chart;
    }
}
