package dev.faceswap4j.core.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** Writes an evaluation as {@code evaluate.md} (the table a person reads), {@code evaluate.json} and {@code evaluate.png} (per-frame plots). */
public final class EvaluationReport {

    public static final String MARKDOWN = "evaluate.md";
    public static final String JSON = "evaluate.json";
    public static final String PLOT = "evaluate.png";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationReport() {}

    public static void write(SwapEvaluation.Result result, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(MARKDOWN), markdown(result.summary()), StandardCharsets.UTF_8);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("summary", withoutNaN(MAPPER.convertValue(result.summary(), Map.class)));
            json.put("bars", result.summary().bars().stream().map(EvaluationReport::bar).toList());
            json.put("frames", result.frames().stream().map(f -> withoutNaN(MAPPER.convertValue(f, Map.class))).toList());
            MAPPER.writeValue(dir.resolve(JSON).toFile(), json);
            ImageIO.write(plot(result.frames(), result.summary()), "png", dir.resolve(PLOT).toFile());
        } catch (IOException e) {
            throw new FaceswapException("cannot write the evaluation into " + dir + ": " + Messages.firstLine(e), e);
        }
    }

    /** A bar as JSON: its value is null where no frame gave one (a swap without faces has no landmark error). */
    private static Map<String, Object> bar(EvaluationSummary.Bar bar) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", bar.name());
        json.put("value", finite(bar.value()));
        json.put("comparison", bar.comparison());
        json.put("bar", bar.bar());
        json.put("met", bar.met());
        return json;
    }

    /** The summary table, with the bar of each figure. */
    public static String markdown(EvaluationSummary s) {
        StringBuilder md = new StringBuilder();
        md.append("# Swap evaluation\n\n");
        md.append("- source: `").append(s.subject().source()).append("` (person ").append(s.subject().sourcePerson()).append(")\n");
        md.append("- swapped: `").append(s.subject().swapped()).append("` (should show ").append(s.subject().target()).append(")\n");
        md.append(String.format(Locale.ROOT, "- %d frame pairs judged, %d with a face in the source; identities: %s%n%n",
                s.framePairs(), s.sourceFaces(), String.join(", ", s.subject().identities())));
        md.append("| figure | swapped | source (baseline) | bar |\n|---|---:|---:|---|\n");
        row(md, "ID retrieval top-1 towards " + s.subject().target(), s.identity().idRetrieval(), s.identity().sourceIdRetrieval(), "≥ 0.9");
        row(md, "source retrieved as " + s.subject().sourcePerson(), Double.NaN, s.identity().sourceRetrievedAsSource(), "(the metric works)");
        row(md, s.subject().target() + "'s rank among the " + s.subject().identities().size() + " people, mean", s.identity().targetRank(), Double.NaN,
                "1: always the nearest");
        row(md, "margin: nearest other person's distance − " + s.subject().target() + "'s", s.identity().targetMargin(), Double.NaN,
                "above 0: " + s.subject().target() + " nearer than anyone else");
        row(md, "descriptor distance to " + s.subject().target() + "'s mean", s.identity().swappedToTarget(), s.identity().sourceToTarget(), "lower is more " + s.subject().target());
        row(md, "descriptor distance to " + s.subject().sourcePerson() + "'s mean", s.identity().swappedToSource(), Double.NaN, "higher is less " + s.subject().sourcePerson());
        row(md, "cosine to " + s.subject().target() + "'s mean", s.identity().swappedTargetCosine(), Double.NaN, "");
        row(md, "landmark error, 68 points (eye distances)", s.landmarks().landmarkError(), Double.NaN, "≤ 0.05");
        row(md, "landmark error, 51 inner points", s.landmarks().innerLandmarkError(), Double.NaN, "");
        partsRow(md, "landmark error by part", s.landmarks().landmarkParts(), "eyes, mouth: the expression kept; jaw, brows: also the target's face shape");
        row(md, "expression error (landmark motion vs the source's, each face's own shape removed)", s.landmarks().expressionError(), Double.NaN,
                "lower; a face that never moves: " + format(s.landmarks().expressionFrozen()));
        partsRow(md, "expression error by part", s.landmarks().expressionParts(), "");
        row(md, "PSNR outside the face, dB", s.pixels().psnrOutside(), Double.NaN, "≥ 40");
        row(md, "PSNR outside the face, worst frame, dB", s.pixels().worstPsnrOutside(), Double.NaN, "");
        row(md, "PSNR inside the face, dB", s.pixels().psnrInside(), Double.NaN, "");
        row(md, "sharpness ratio (Laplacian variance, swapped / source)", s.pixels().sharpnessRatio(), Double.NaN, "≥ 0.6");
        row(md, "jitter added (eye distances per frame)", s.stability().jitter(), Double.NaN, "≤ 0.01");
        row(md, "flicker ratio (face luma change, swapped / source)", s.stability().flickerRatio(), Double.NaN, "");
        row(md, "face found in the swapped frame", s.faceFound(), Double.NaN, "≥ 0.98");
        long missed = s.bars().stream().filter(b -> !b.met()).count();
        md.append('\n').append(missed == 0 ? "Every bar met." : missed + " of " + s.bars().size() + " bars missed: "
                + String.join("; ", s.bars().stream().filter(b -> !b.met()).map(EvaluationSummary.Bar::describe).toList()) + ".").append('\n');
        return md.toString();
    }

    /** A figure of the swapped video is "n/a" where no frame pair gave one; the source column is empty where it has no baseline. */
    private static void row(StringBuilder md, String name, double swapped, double source, String bar) {
        md.append("| ").append(name).append(" | ").append(figure(swapped)).append(" | ").append(format(source)).append(" | ").append(bar).append(" |\n");
    }

    private static void partsRow(StringBuilder md, String name, LandmarkParts parts, String note) {
        md.append("| ").append(name).append(": jaw / brows / nose / eyes / mouth | ").append(String.join(" / ", figure(parts.jaw()),
                figure(parts.brows()), figure(parts.nose()), figure(parts.eyes()), figure(parts.mouth()))).append(" | | ").append(note).append(" |\n");
    }

    private static String figure(double v) {
        return Double.isNaN(v) ? EvaluationSummary.NOT_AVAILABLE : format(v);
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Six per-frame panels in one picture: identity, landmarks, background, sharpness, jitter, flicker. */
    static BufferedImage plot(List<FrameFigures> frames, EvaluationSummary s) {
        List<XYChart> charts = new ArrayList<>();
        charts.add(chart("identity: descriptor distance", "distance", frames, Map.of(
                "swapped → " + s.subject().target(), f -> f.identity().swappedToTarget(),
                "swapped → " + s.subject().sourcePerson(), f -> f.identity().swappedToSource(),
                "source → " + s.subject().target(), f -> f.identity().sourceToTarget())));
        charts.add(chart("pose and expression: landmark error", "eye distances", frames, Map.of(
                "68 points", f -> f.landmarks().landmarkError(), "51 inner", f -> f.landmarks().innerLandmarkError(),
                "expression (own shape removed)", f -> f.landmarks().expressionError())));
        charts.add(chart("background untouched: PSNR", "dB", frames, Map.of(
                "outside the face", f -> f.pixels().psnrOutside(), "inside", f -> f.pixels().psnrInside())));
        charts.add(chart("sharpness: Laplacian variance in the face", "variance", frames, Map.of(
                "source", f -> f.pixels().sharpnessSource(), "swapped", f -> f.pixels().sharpnessSwapped())));
        charts.add(chart("jitter added by the swap", "eye distances", frames, Map.of("jitter", f -> f.stability().jitter())));
        charts.add(chart("flicker: face luma change per frame", "grey levels", frames, Map.of(
                "source", f -> f.stability().flickerSource(), "swapped", f -> f.stability().flickerSwapped())));
        int width = 640;
        int height = 360;
        BufferedImage sheet = new BufferedImage(2 * width, 3 * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % 2) * width, (i / 2) * height, null);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private static XYChart chart(String title, String yTitle, List<FrameFigures> frames, Map<String, ToDoubleFunction<FrameFigures>> series) {
        XYChart chart = new XYChartBuilder().width(640).height(360).title(title).xAxisTitle("frame").yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(0).setChartBackgroundColor(Color.WHITE).setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.getStyler().setXAxisDecimalPattern("0");
        // Sorted names keep the colours the same from one report to the next.
        series.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (FrameFigures f : frames) {
                double v = entry.getValue().applyAsDouble(f);
                if (!Double.isNaN(v)) {
                    x.add((double) f.frame());
                    y.add(v);
                }
            }
            if (x.isEmpty()) {
                x.add(0.0);
                y.add(0.0);
            }
            chart.addSeries(entry.getKey(), x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        });
        return chart;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutNaN(Map<String, Object> values) {
        Map<String, Object> result = new LinkedHashMap<>();
        values.forEach((k, v) -> result.put(k, v instanceof Double d ? finite(d) : v instanceof Map<?, ?> m ? withoutNaN((Map<String, Object>) m) : v));
        return result;
    }

    /** JSON has no NaN: a figure that does not apply is null. */
    private static Double finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
