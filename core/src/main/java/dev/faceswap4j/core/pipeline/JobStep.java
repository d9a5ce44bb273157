package dev.faceswap4j.core.pipeline;

import dev.faceswap4j.core.convert.Converter;
import dev.faceswap4j.core.evaluate.EvaluationReport;
import dev.faceswap4j.core.evaluate.SwapEvaluation;
import dev.faceswap4j.core.extract.Extractor;
import dev.faceswap4j.core.train.CheckpointInfo;
import dev.faceswap4j.core.train.TrainingLoop;
import java.nio.file.Path;
import java.util.Locale;

/** One stage's outcome in a pipeline job, as it happens; {@link #describe()} is what the console shows of it. */
public sealed interface JobStep {

    /** One or more lines, without the last line break. */
    String describe();

    /** The faces of one identity: extracted now, or ({@code summary} null) up to date. */
    record Faces(String identity, Path folder, Extractor.Summary summary) implements JobStep {
        @Override
        public String describe() {
            return summary == null ? String.format(Locale.ROOT, "faces of %s: up to date in %s", identity, folder)
                    : String.format(Locale.ROOT, "faces of %s: %s into %s", identity, summary.describe(), folder);
        }
    }

    /** The model already reached its iterations: nothing to train. */
    record ModelUpToDate(CheckpointInfo checkpoint, Path modelDir) implements JobStep {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "model: up to date (%s, %d iterations) in %s", checkpoint.model(), checkpoint.iteration(), modelDir);
        }
    }

    /** Training begins (or continues). */
    record TrainingStarts(Pipeline.Training training, Path modelDir) implements JobStep {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "training %s on %d faces of A (%s) and %d of B (%s) into %s", training.model(), training.a().size(),
                    training.a().folder(), training.b().size(), training.b().folder(), modelDir);
        }
    }

    /** Training ended: its iterations or time budget reached, or stopped on request (then it can be continued). */
    record Trained(TrainingLoop.Result result) implements JobStep {
        @Override
        public String describe() {
            String ended = String.format(Locale.ROOT, "%s at iteration %d (%d iterations in %.0f s%s); checkpoint %s",
                    result.stopped() ? "stopped" : "trained", result.iteration(), result.iteration() - result.startIteration(), result.seconds(),
                    result.lastLosses().isEmpty() ? "" : ", last " + result.lastLosses(), result.checkpoint());
            return result.stopped() ? ended + System.lineSeparator() + "continue with the same command and --resume" : ended;
        }
    }

    /** Training ended short of its iterations without a time budget: the job stops here. */
    record TrainingStoppedEarly() implements JobStep {
        @Override
        public String describe() {
            return "training stopped early; run again to continue";
        }
    }

    /** The input converted into {@code output}, or ({@code summary} null) the output is newer than the model and the input. */
    record Converted(Path output, Converter.Summary summary) implements JobStep {
        @Override
        public String describe() {
            return summary == null ? "converted: up to date (" + output + ")" : "converted " + summary.describe() + " into " + output;
        }
    }

    /** The result judged by {@code evaluate}: its table, and where the report is. */
    record Evaluated(SwapEvaluation.Result result, Path report) implements JobStep {
        @Override
        public String describe() {
            return EvaluationReport.markdown(result.summary()) + "evaluation: " + report;
        }
    }

    /** The input and the result side by side. */
    record BeforeAfter(Path sheet) implements JobStep {
        @Override
        public String describe() {
            return "before | after: " + sheet;
        }
    }
}
