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
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationLine;
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

    /**
     * The losses' chart; below it a chart of their parts when the trainer reports any, and one of its statistics
     * (gradient norms, update sizes) when it reports those. The guard's events are vertical lines in each.
     */
    private static BufferedImage image(LossHistory history) {
        List<BufferedImage> charts = new ArrayList<>();
        charts.add(BitmapEncoder.getBufferedImage(chart(history, history.mainNames(), "training losses", "loss")));
        if (!history.partNames().isEmpty()) {
            charts.add(BitmapEncoder.getBufferedImage(chart(history, history.partNames(), "parts of the losses", "loss")));
        }
        if (!history.statisticNames().isEmpty()) {
            charts.add(BitmapEncoder.getBufferedImage(chart(history, history.statisticNames(),
                    "gradient norms (grad:) and update sizes relative to the weights (update:)", "value")));
        }
        BufferedImage all = new BufferedImage(charts.get(0).getWidth(), charts.stream().mapToInt(BufferedImage::getHeight).sum(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        int y = 0;
        for (BufferedImage chart : charts) {
            g.drawImage(chart, 0, y, null);
            y += chart.getHeight();
        }
        g.dispose();
        return all;
    }

    static XYChart chart(LossHistory history, List<String> names, String title, String yTitle) {
        int perPoint = history.rowsPerPoint(POINTS);
        XYChart chart = new XYChartBuilder().width(800).height(450)
                .title(perPoint == 1 ? title : title + " (each point: the mean of " + perPoint + " iterations)")
                .xAxisTitle("iteration").yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setAnnotationLineColor(Color.RED);
        chart.getStyler().setMarkerSize(0).setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNE);
        for (LossHistory.Event event : history.events()) {
            chart.addAnnotation(new AnnotationLine(event.iteration(), true, false));
        }
        for (String name : names) {
            LossHistory.Curve curve = history.curve(name, POINTS);
            if (!curve.x().isEmpty()) {
                chart.addSeries(name, curve.x(), curve.y()).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            }
        }
        return chart;
    }
}
