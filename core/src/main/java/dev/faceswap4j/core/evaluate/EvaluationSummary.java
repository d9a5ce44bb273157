package dev.faceswap4j.core.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a whole swapped video, the means over its frame pairs; {@link #bars()} holds them
 * against the quality bar this project set itself.
 */
public record EvaluationSummary(String source, String swapped, String target, String sourcePerson, List<String> identities,
        int framePairs, int sourceFaces, double faceFound, double idRetrieval, double sourceIdRetrieval, double sourceRetrievedAsSource,
        double swappedToTarget, double swappedToSource, double sourceToTarget, double swappedTargetCosine,
        double landmarkError, double innerLandmarkError, LandmarkParts landmarkParts,
        double expressionError, LandmarkParts expressionParts, double expressionFrozen, double psnrOutside, double worstPsnrOutside, double psnrInside,
        double sharpnessRatio, double jitter, double flickerRatio) {

    /** What a figure no frame pair gave reads as (a swap without a face has no landmark error, no identity). */
    public static final String NOT_AVAILABLE = "n/a";

    /** One figure against its bar; a figure no frame gave (NaN) misses it. */
    public record Bar(String name, double value, String comparison, double bar) {
        public boolean met() {
            return comparison.equals(">=") ? value >= bar : value <= bar;
        }

        public String describe() {
            String shown = Double.isNaN(value) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.3f", value);
            return String.format(Locale.ROOT, "%s %s (bar %s %s) %s", name, shown, comparison, trim(bar), met() ? "ok" : "MISSED");
        }
    }

    public List<Bar> bars() {
        return List.of(new Bar("ID retrieval towards " + target, idRetrieval, ">=", 0.9),
                new Bar("landmark error", landmarkError, "<=", 0.05),
                new Bar("background PSNR dB", psnrOutside, ">=", 40),
                new Bar("sharpness ratio", sharpnessRatio, ">=", 0.6),
                new Bar("jitter", jitter, "<=", 0.01),
                new Bar("face found", faceFound, ">=", 0.98));
    }

    static EvaluationSummary of(String source, String swapped, String target, String sourcePerson, List<String> identities,
            List<FrameFigures> frames) {
        List<FrameFigures> withFace = frames.stream().filter(FrameFigures::sourceFace).toList();
        List<FrameFigures> both = withFace.stream().filter(FrameFigures::swappedFace).toList();
        double found = withFace.isEmpty() ? Double.NaN : both.size() / (double) withFace.size();
        double retrieval = share(both, f -> target.equals(f.swappedNearest()));
        double sourceRetrieval = share(withFace, f -> target.equals(f.sourceNearest()));
        double sourceAsSource = share(withFace, f -> sourcePerson.equals(f.sourceNearest()));
        double sharpSource = mean(both, FrameFigures::sharpnessSource);
        double sharpSwapped = mean(both, FrameFigures::sharpnessSwapped);
        double flickerSource = mean(both, FrameFigures::flickerSource);
        double flickerSwapped = mean(both, FrameFigures::flickerSwapped);
        double worst = both.stream().mapToDouble(FrameFigures::psnrOutside).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
        return new EvaluationSummary(source, swapped, target, sourcePerson, identities, frames.size(), withFace.size(), found, retrieval,
                sourceRetrieval, sourceAsSource, mean(both, FrameFigures::swappedToTarget), mean(both, FrameFigures::swappedToSource),
                mean(withFace, FrameFigures::sourceToTarget), mean(both, FrameFigures::swappedTargetCosine),
                mean(both, FrameFigures::landmarkError), mean(both, FrameFigures::innerLandmarkError),
                LandmarkParts.mean(both.stream().map(FrameFigures::landmarkParts).toList()), mean(both, FrameFigures::expressionError),
                LandmarkParts.mean(both.stream().map(FrameFigures::expressionParts).toList()), mean(both, FrameFigures::expressionFrozen), mean(both, FrameFigures::psnrOutside), worst,
                mean(both, FrameFigures::psnrInside), sharpSwapped / sharpSource, mean(both, FrameFigures::jitter), flickerSwapped / flickerSource);
    }

    private static double share(List<FrameFigures> frames, java.util.function.Predicate<FrameFigures> test) {
        return frames.isEmpty() ? Double.NaN : frames.stream().filter(test).count() / (double) frames.size();
    }

    private static double mean(List<FrameFigures> frames, ToDoubleFunction<FrameFigures> figure) {
        return frames.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
