package dev.faceswap4j.core.train;

import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.api.TrainerOptions;
import dev.faceswap4j.core.testing.IterationFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model for the training loop's tests whose trainer learns nothing: each step returns the losses a script gives for
 * (the iteration it reaches, the learning-rate factor the loop set), and its checkpoint is its iteration count.
 */
final class ScriptedModel implements SwapModel {

    interface Script {
        Map<String, Double> losses(long iteration, double learningRateFactor);
    }

    private final Script script;

    ScriptedModel(Script script) {
        this.script = script;
    }

    @Override
    public int faceSize() {
        return 64;
    }

    @Override
    public Trainer newTrainer(TrainerOptions options) {
        return new Trainer() {
            long iteration;
            double factor = 1;

            @Override
            public void scaleLearningRate(double value) {
                factor = value;
            }

            @Override
            public Map<String, Double> step(FaceBatch a, FaceBatch b) {
                iteration++;
                return script.losses(iteration, factor);
            }

            @Override
            public Swapper swapper() {
                return new Swapper() {
                    @Override
                    public List<Image> swap(List<Image> faces, Direction direction) {
                        return faces;
                    }

                    @Override
                    public void close() {}
                };
            }

            @Override
            public long iteration() {
                return iteration;
            }

            @Override
            public void save(Path dir) {
                IterationFile.save(dir, iteration);
            }

            @Override
            public void load(Path dir) {
                iteration = IterationFile.load(dir);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public Swapper loadSwapper(Path dir) {
        throw new UnsupportedOperationException();
    }
}
