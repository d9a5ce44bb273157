package dev.faceswap4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** losses.png: each loss of losses.csv, averaged down to a few hundred points, on a log axis. */
class LossPlotTest {

    @TempDir
    Path dir;

    @Test
    void drawsEachLossAveragedOnALogAxis() throws Exception {
        try (LossLog log = LossLog.continueAfter(dir, 0)) {
            for (int i = 1; i <= 1000; i++) {
                Map<String, Double> losses = new LinkedHashMap<>();
                losses.put("loss_a", 1.0 / i);
                losses.put("loss_b", 2.0 / i);
                log.append(i, losses, i * 0.1);
            }
        }
        LossPlot.write(dir);
        BufferedImage png = ImageIO.read(dir.resolve(LossPlot.FILE_NAME).toFile());
        assertEquals(800, png.getWidth());
        assertEquals(450, png.getHeight());
        assertFalse(Files.exists(dir.resolve(".losses.png.tmp")));

        LossHistory history = LossHistory.read(dir);
        XYChart chart = LossPlot.chart(history, history.mainNames(), "training losses", "loss");
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        Map<String, XYSeries> series = chart.getSeriesMap();
        assertEquals(List.of("loss_a", "loss_b"), new ArrayList<>(series.keySet()), "the loss columns, not iteration or seconds");
        XYSeries a = series.get("loss_a");
        assertEquals(334, a.getXData().length, "1000 rows, 3 per point");
        assertEquals(3.0, a.getXData()[0], 1e-9);
        assertEquals((1 + 1 / 2.0 + 1 / 3.0) / 3, a.getYData()[0], 1e-5);
        assertEquals(1000.0, a.getXData()[a.getXData().length - 1], 1e-9);
        assertEquals(10.0, LossHistory.read(dir).iterationsPerSecond(50), 1e-6, "one row per 0.1 s");
    }

    @Test
    void partsOfALossGetAChartOfTheirOwn() throws Exception {
        try (LossLog log = LossLog.continueAfter(dir, 0)) {
            for (int i = 1; i <= 10; i++) {
                Map<String, Double> losses = new LinkedHashMap<>();
                losses.put("g_a", 1.0);
                losses.put("g_a.adversarial", 0.25);
                losses.put("g_a.perceptual", i < 5 ? 0.0 : 0.125); // 0 while the term is off: left off the log axis
                log.append(i, losses, i);
            }
        }
        LossHistory history = LossHistory.read(dir);
        assertEquals(List.of("g_a"), history.mainNames());
        assertEquals(List.of("g_a.adversarial", "g_a.perceptual"), history.partNames());
        assertEquals(List.of(5.0, 6.0, 7.0, 8.0, 9.0, 10.0), history.curve("g_a.perceptual", 400).x());
        LossPlot.write(dir);
        BufferedImage png = ImageIO.read(dir.resolve(LossPlot.FILE_NAME).toFile());
        assertEquals(900, png.getHeight(), "two charts, one above the other");
    }

    @Test
    void noRowsNoPlot() throws Exception {
        Files.writeString(dir.resolve(LossLog.FILE_NAME), "iteration,loss_a,seconds\n");
        LossPlot.write(dir);
        assertFalse(Files.exists(dir.resolve(LossPlot.FILE_NAME)));
    }
}
