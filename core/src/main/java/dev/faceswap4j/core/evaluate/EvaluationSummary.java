package dev.faceswap4j.core.evaluate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a whole swapped video, the means over its frame pairs, in groups ({@code evaluate.json} lists them
 * flat); {@link #bars()} holds them against the quality bar this project set itself.
 *
 * @param framePairs frame pairs judged
 * @param sourceFaces of them, those with a face in the source
 * @param faceFound share of those whose swapped frame has a face there too
 */
public record EvaluationSummary(@JsonUnwrapped Subject subject, int framePairs, int sourceFaces, double faceFound,
        @JsonUnwrapped Identity identity, @JsonUnwrapped LandmarkFigures landmarks, @JsonUnwrapped Pixels pixels,
        @JsonUnwrapped Stability stability) {

    /**
     * What was judged.
     *
     * @param target the person the swapped video should show
     * @param sourcePerson the person the source shows
     * @param identities every person the faces were compared with
     */
    public record Subject(String source, String swapped, String target, String sourcePerson, List<String> identities) {
        public Subject {
            identities = List.copyOf(identities);
        }
    }

    /**
     * Whom the swapped faces look like.
     *
     * @param idRetrieval share of swapped faces whose nearest person is the target (ID retrieval top-1)
     * @param sourceIdRetrieval the same for the source's faces: the baseline
     * @param sourceRetrievedAsSource share of the source's faces nearest to the source person: the metric works
     * @param swappedToTarget mean descriptor distance of the swapped faces to the target's mean
     * @param swappedToSource the same to the source person's mean
     * @param sourceToTarget the same for the source's faces to the target's mean
     * @param swappedTargetCosine mean cosine similarity of the swapped faces to the target's mean
     * @param targetRank mean rank of the target among everyone for the swapped faces (1: always nearest)
     * @param targetMargin mean distance to the nearest other person minus that to the target (above 0: the target nearer)
     */
    public record Identity(double idRetrieval, double sourceIdRetrieval, double sourceRetrievedAsSource, double swappedToTarget,
            double swappedToSource, double sourceToTarget, double swappedTargetCosine, double targetRank, double targetMargin) {}

    /**
     * What the swap did to the pixels.
     *
     * @param psnrOutside mean PSNR away from the face, dB
     * @param worstPsnrOutside the lowest of a frame
     * @param psnrInside mean PSNR over the face
     * @param sharpnessRatio mean Laplacian variance over the face, swapped / source
     */
    public record Pixels(double psnrOutside, double worstPsnrOutside, double psnrInside, double sharpnessRatio) {}

    /**
     * Frame-to-frame steadiness.
     *
     * @param jitter mean landmark motion the swap added, eye distances per frame
     * @param flickerRatio mean face luma change per frame, swapped / source
     */
    public record Stability(double jitter, double flickerRatio) {}

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
        return List.of(new Bar("ID retrieval towards " + subject.target(), identity.idRetrieval(), ">=", 0.9),
                new Bar("landmark error", landmarks.landmarkError(), "<=", 0.05),
                new Bar("background PSNR dB", pixels.psnrOutside(), ">=", 40),
                new Bar("sharpness ratio", pixels.sharpnessRatio(), ">=", 0.6),
                new Bar("jitter", stability.jitter(), "<=", 0.01),
                new Bar("face found", faceFound, ">=", 0.98));
    }

    static EvaluationSummary of(Subject subject, List<FrameFigures> frames) {
        List<FrameFigures> withFace = frames.stream().filter(FrameFigures::sourceFace).toList();
        List<FrameFigures> both = withFace.stream().filter(FrameFigures::swappedFace).toList();
        double found = withFace.isEmpty() ? Double.NaN : both.size() / (double) withFace.size();
        Identity identity = new Identity(share(both, f -> subject.target().equals(f.identity().swappedNearest())),
                share(withFace, f -> subject.target().equals(f.identity().sourceNearest())),
                share(withFace, f -> subject.sourcePerson().equals(f.identity().sourceNearest())),
                mean(both, f -> f.identity().swappedToTarget()), mean(both, f -> f.identity().swappedToSource()),
                mean(withFace, f -> f.identity().sourceToTarget()), mean(both, f -> f.identity().swappedTargetCosine()),
                mean(both, f -> f.identity().targetRank()), mean(both, f -> f.identity().targetMargin()));
        double worst = both.stream().mapToDouble(f -> f.pixels().psnrOutside()).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
        Pixels pixels = new Pixels(mean(both, f -> f.pixels().psnrOutside()), worst, mean(both, f -> f.pixels().psnrInside()),
                mean(both, f -> f.pixels().sharpnessSwapped()) / mean(both, f -> f.pixels().sharpnessSource()));
        Stability stability = new Stability(mean(both, f -> f.stability().jitter()),
                mean(both, f -> f.stability().flickerSwapped()) / mean(both, f -> f.stability().flickerSource()));
        return new EvaluationSummary(subject, frames.size(), withFace.size(), found, identity,
                LandmarkFigures.mean(both.stream().map(FrameFigures::landmarks).toList()), pixels, stability);
    }

    private static double share(List<FrameFigures> frames, Predicate<FrameFigures> test) {
        return frames.isEmpty() ? Double.NaN : frames.stream().filter(test).count() / (double) frames.size();
    }

    private static double mean(List<FrameFigures> frames, ToDoubleFunction<FrameFigures> figure) {
        return frames.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
