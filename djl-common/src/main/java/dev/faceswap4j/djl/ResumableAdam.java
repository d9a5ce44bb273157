package dev.faceswap4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.faceswap4j.api.GradientClipping;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adam over a fixed list of named parameters, whose state (step count, first and second moments, the clipping's
 * history of gradient norms) can be saved and restored exactly. DJL's own {@code Adam} keeps its moments private, so a
 * resumed run would restart them from zero; this one owns its state. On the CPU it updates in one Java pass over
 * the tensors' storage ({@link CpuAdamKernel}); elsewhere it runs DJL's native {@code adamUpdate}.
 *
 * <p>The update is the Keras one of the original model: {@code lr_t = lr·sqrt(1-β2^t)/(1-β1^t)},
 * {@code w -= lr_t·m/(sqrt(v)+ε)}. Before it the gradients are clipped as {@link GradientClipping} says (by their
 * global norm), and an update whose gradients are not finite is skipped: it would make every moment NaN.
 */
public final class ResumableAdam implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResumableAdam.class);

    /** 1: steps and moments; 2: and the clipping's norm history. */
    private static final int FORMAT = 2;
    /** A gradient norm this many times the median of the last {@link #RECENT} is logged with its largest layers. */
    private static final double SPIKE = 10;
    private static final int RECENT = 100;

    /** What one update did: the gradients' global norm before clipping, the norm it was clipped to (NaN: not clipped), ‖Δw‖ / ‖w‖. */
    public record Update(double gradientNorm, double clippedTo, double relativeSize) {}

    private final String name;
    private final AdamSettings settings;
    private final List<String> names;
    private final List<Parameter> parameters;
    private final NDManager manager;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final GradientClipper clipper;
    private final double[] recentNorms = new double[RECENT];
    /** Norms in {@link #recentNorms} (this run's: a resumed optimizer starts it again), and where the next goes. */
    private int recentCount;
    private int recentNext;
    private long steps;
    private float learningRateScale = 1;
    private CpuAdamKernel cpuKernel;

    /**
     * @param name the optimizer's name in messages (e.g. {@code g_a})
     * @param parameters the parameters it updates, by name (for the log of a gradient spike)
     */
    public ResumableAdam(String name, AdamSettings settings, PairList<String, Parameter> parameters, GradientClipping clipping,
            NDManager parent) {
        this.name = name;
        this.settings = settings;
        this.names = List.copyOf(parameters.keys());
        this.parameters = List.copyOf(parameters.values());
        this.clipper = new GradientClipper(clipping);
        this.manager = parent.newSubManager();
        for (Parameter parameter : this.parameters) {
            NDArray weight = parameter.getArray();
            means.add(manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
            variances.add(manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
        }
    }

    /** Unnamed parameters, no clipping. */
    public ResumableAdam(AdamSettings settings, List<Parameter> parameters, NDManager parent) {
        this("adam", settings, named(parameters), GradientClipping.NONE, parent);
    }

    private static PairList<String, Parameter> named(List<Parameter> parameters) {
        PairList<String, Parameter> named = new PairList<>();
        for (int i = 0; i < parameters.size(); i++) {
            named.add(i + ":" + parameters.get(i).getName(), parameters.get(i));
        }
        return named;
    }

    /** Scales the configured learning rate of the following updates (a schedule's factor; not part of the saved state). */
    public void scaleLearningRate(double factor) {
        learningRateScale = (float) factor;
    }

    /** Applies one update from the gradients of the last backward pass, then zeroes them. */
    public Update step() {
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        try {
            // getGradient() hands out a new native handle each call: closed below, or one leaks per parameter per step.
            parameters.forEach(parameter -> gradients.add(parameter.getArray().getGradient()));
            double[] squaredNorms = squaredNorms(gradients);
            double norm = Math.sqrt(Arrays.stream(squaredNorms).sum());
            if (!Double.isFinite(norm)) {
                String where = IntStream.range(0, squaredNorms.length).filter(i -> !Double.isFinite(squaredNorms[i])).mapToObj(names::get)
                        .collect(Collectors.joining(", "));
                log.warn("{}: gradient norm {} at update {} (not finite in {}): update skipped", name, norm, steps + 1, where);
                clearGradients();
                return new Update(norm, Double.NaN, 0);
            }
            reportSpike(norm, squaredNorms);
            steps++;
            double threshold = clipper.threshold(norm);
            float scale = norm > threshold ? (float) (threshold / norm) : 1f;
            double[] sums = apply(gradients, scale);
            return new Update(norm, scale < 1 ? threshold : Double.NaN, Math.sqrt(sums[0] / Math.max(sums[1], Double.MIN_NORMAL)));
        } finally {
            gradients.forEach(NDArray::close);
        }
    }

    /** Per parameter, the squared L2 norm of its gradient. */
    private double[] squaredNorms(List<NDArray> gradients) {
        double[] norms = new double[gradients.size()];
        for (int i = 0; i < norms.length; i++) {
            Optional<FloatBuffer> view = TensorMemory.floatView(gradients.get(i));
            norms[i] = view.isPresent() ? kernel().squaredNorm(view.get()) : squaredSum(gradients.get(i));
        }
        return norms;
    }

    /** Updates every parameter with its gradient times {@code scale}; the squared norms of the update and of the weights. */
    private double[] apply(List<NDArray> gradients, float scale) {
        float lr = settings.learningRate() * learningRateScale;
        double correction1 = 1 - Math.pow(settings.beta1(), steps);
        double correction2 = 1 - Math.pow(settings.beta2(), steps);
        float correctedLr = (float) (lr * Math.sqrt(correction2) / correction1);
        CpuAdamKernel.Step step = new CpuAdamKernel.Step(settings.beta1(), settings.beta2(), settings.epsilon(), correctedLr, scale);
        double[] sums = new double[2];
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            NDArray gradient = gradients.get(i);
            Optional<CpuAdamKernel.Sums> done = updateInPlace(weight, gradient, means.get(i), variances.get(i), step);
            if (done.isPresent()) {
                sums[0] += done.get().update();
                sums[1] += done.get().weights();
                continue;
            }
            try (NDArray before = weight.duplicate()) {
                if (scale < 1) {
                    gradient.muli(scale);
                }
                weight.getNDArrayInternal().adamUpdate(new NDList(weight, gradient, means.get(i), variances.get(i)),
                        new NDList(weight), lr, correctedLr, 0f, 1f, -1f, settings.beta1(), settings.beta2(),
                        settings.epsilon(), false, false);
                JniUtils.zeroGrad((PtNDArray) weight);
                try (NDArray change = weight.sub(before)) {
                    sums[0] += squaredSum(change);
                }
                sums[1] += squaredSum(before);
            }
        }
        return sums;
    }

    /** Σx² of an array off the CPU path, its temporaries closed (they would live as long as the array's manager). */
    private static double squaredSum(NDArray x) {
        try (NDArray squares = x.square(); NDArray sum = squares.sum()) {
            return sum.getFloat();
        }
    }

    /** The one-pass Java update where all four tensors are CPU float storage it can reach; empty elsewhere (GPU). */
    private Optional<CpuAdamKernel.Sums> updateInPlace(NDArray weight, NDArray gradient, NDArray mean, NDArray variance,
            CpuAdamKernel.Step step) {
        Optional<FloatBuffer> w = TensorMemory.floatView(weight);
        Optional<FloatBuffer> g = w.isPresent() ? TensorMemory.floatView(gradient) : Optional.empty();
        Optional<FloatBuffer> m = g.isPresent() ? TensorMemory.floatView(mean) : Optional.empty();
        Optional<FloatBuffer> v = m.isPresent() ? TensorMemory.floatView(variance) : Optional.empty();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(kernel().update(w.get(), g.get(), m.get(), v.get(), step));
    }

    private CpuAdamKernel kernel() {
        if (cpuKernel == null) {
            cpuKernel = new CpuAdamKernel(JniUtils.getNumThreads());
        }
        return cpuKernel;
    }

    /** Logs an update whose gradient norm is far above the recent ones, with the layers that carry most of it. */
    private void reportSpike(double norm, double[] squaredNorms) {
        int known = recentCount;
        if (known >= RECENT / 2) {
            double median = GradientClipper.percentile(toFloats(Arrays.copyOf(recentNorms, known)), 50);
            if (norm > SPIKE * median) {
                String largest = IntStream.range(0, squaredNorms.length).boxed()
                        .sorted(Comparator.comparingDouble(i -> -squaredNorms[i])).limit(3)
                        .map(i -> String.format(Locale.ROOT, "%s %.3g", names.get(i), Math.sqrt(squaredNorms[i])))
                        .collect(Collectors.joining(", "));
                log.warn(String.format(Locale.ROOT, "%s: gradient norm %.3g at update %d, %.0fx the median of the last %d (%.3g); largest: %s",
                        name, norm, steps + 1, norm / median, known, median, largest));
            }
        }
        recentNorms[recentNext] = norm;
        recentNext = (recentNext + 1) % RECENT;
        recentCount = Math.min(recentCount + 1, RECENT);
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    /**
     * Zeroes the accumulated gradients in place. libtorch adds every backward pass into them and
     * DJL's collector does not reset them. Not {@code gradient.set(buffer)}: that rebinds the
     * gradient's storage to a Java buffer which is freed once the handle closes, and the next
     * backward pass then writes into freed memory.
     */
    public void clearGradients() {
        for (Parameter parameter : parameters) {
            JniUtils.zeroGrad((PtNDArray) parameter.getArray());
        }
    }

    public long steps() {
        return steps;
    }

    public String name() {
        return name;
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeLong(steps);
        out.writeInt(parameters.size());
        NDList state = new NDList();
        state.addAll(means);
        state.addAll(variances);
        state.encode(out);
        clipper.save(out);
    }

    /** Restores what {@link #save} wrote for the same parameter list (format 1, before clipping, too). */
    public void load(DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format != 1 && format != FORMAT) {
            throw new IOException("optimizer state format " + format + ", expected " + FORMAT);
        }
        long savedSteps = in.readLong();
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException("optimizer state holds " + count + " parameters, the model has " + parameters.size());
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDList state = NDList.decode(scratch, in);
            if (state.size() != 2 * count) {
                throw new IOException("optimizer state holds " + state.size() + " arrays, expected " + 2 * count);
            }
            for (int i = 0; i < count; i++) {
                copyInto(state.get(i), means.get(i));
                copyInto(state.get(count + i), variances.get(i));
            }
        }
        if (format >= 2) {
            clipper.load(in);
        }
        steps = savedSteps;
    }

    private static void copyInto(NDArray source, NDArray target) throws IOException {
        if (!source.getShape().equals(target.getShape())) {
            throw new IOException("optimizer state of shape " + source.getShape() + " for a parameter of shape " + target.getShape());
        }
        source.toDevice(target.getDevice(), false).copyTo(target);
    }

    @Override
    public void close() {
        if (cpuKernel != null) {
            cpuKernel.close();
        }
        manager.close();
    }

    /** {@code parameters} of {@code block}-like sources under a common prefix: {@code encoder/01Conv2d_weight}. */
    public static PairList<String, Parameter> prefixed(String prefix, PairList<String, Parameter> parameters) {
        PairList<String, Parameter> named = new PairList<>();
        for (Pair<String, Parameter> pair : parameters) {
            named.add(prefix + "/" + pair.getKey(), pair.getValue());
        }
        return named;
    }
}
