package dev.faceswap4j.core.pipeline;

import dev.faceswap4j.api.Direction;
import dev.faceswap4j.api.FaceBatch;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.StageContext;
import dev.faceswap4j.api.SwapModel;
import dev.faceswap4j.api.SwapModelProvider;
import dev.faceswap4j.api.Swapper;
import dev.faceswap4j.api.Trainer;
import dev.faceswap4j.api.TrainerOptions;
import dev.faceswap4j.core.testing.IterationFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/** Test model {@code pass-through}: a step only counts (a test may watch each), the swap gives each face back. */
public final class PassThroughModelProvider implements SwapModelProvider {

    /** Told the iteration reached after each training step. */
    static volatile LongConsumer onStep = iteration -> {};

    @Override
    public String name() {
        return "pass-through";
    }

    @Override
    public String description() {
        return "test model: counts its steps, swaps a face into itself";
    }

    @Override
    public SwapModel create(StageContext context) {
        return new SwapModel() {
            @Override
            public int faceSize() {
                return 64;
            }

            @Override
            public Trainer newTrainer(TrainerOptions options) {
                return new CountingTrainer();
            }

            @Override
            public Swapper loadSwapper(Path dir) {
                return new PassThrough();
            }
        };
    }

    private static final class PassThrough implements Swapper {
        @Override
        public List<Image> swap(List<Image> faces, Direction direction) {
            return faces;
        }

        @Override
        public void close() {}
    }

    private static final class CountingTrainer implements Trainer {
        private long iteration;

        @Override
        public Map<String, Double> step(FaceBatch a, FaceBatch b) {
            iteration++;
            onStep.accept(iteration);
            return Map.of("loss_a", 1.0, "loss_b", 1.0);
        }

        @Override
        public Swapper swapper() {
            return new PassThrough();
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
    }
}
