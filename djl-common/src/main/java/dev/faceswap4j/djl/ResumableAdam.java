package dev.faceswap4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adam over a fixed list of parameters, whose state (step count, first and second moments) can be
 * saved and restored exactly. DJL's own {@code Adam} keeps its moments private, so a resumed run
 * would restart them from zero; this one owns its state. On the CPU it updates in one Java pass over
 * the tensors' storage ({@link CpuAdamKernel}); elsewhere it runs DJL's native {@code adamUpdate}.
 *
 * <p>The update is the Keras one of the original model: {@code lr_t = lr·sqrt(1-β2^t)/(1-β1^t)},
 * {@code w -= lr_t·m/(sqrt(v)+ε)}.
 */
public final class ResumableAdam implements AutoCloseable {

    private static final int FORMAT = 1;

    private final AdamSettings settings;
    private final List<Parameter> parameters;
    private final NDManager manager;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private long steps;
    private float learningRateScale = 1;
    private CpuAdamKernel cpuKernel;

    public ResumableAdam(AdamSettings settings, List<Parameter> parameters, NDManager parent) {
        this.settings = settings;
        this.parameters = List.copyOf(parameters);
        this.manager = parent.newSubManager();
        for (Parameter parameter : this.parameters) {
            NDArray weight = parameter.getArray();
            means.add(manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
            variances.add(manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
        }
    }

    /** Scales the configured learning rate of the following updates (a schedule's factor; not part of the saved state). */
    public void scaleLearningRate(double factor) {
        learningRateScale = (float) factor;
    }

    /** Applies one update from the gradients of the last backward pass, then zeroes them. */
    public void step() {
        steps++;
        float lr = settings.learningRate() * learningRateScale;
        double correction1 = 1 - Math.pow(settings.beta1(), steps);
        double correction2 = 1 - Math.pow(settings.beta2(), steps);
        float correctedLr = (float) (lr * Math.sqrt(correction2) / correction1);
        CpuAdamKernel.Step step = new CpuAdamKernel.Step(settings.beta1(), settings.beta2(), settings.epsilon(), correctedLr);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            // getGradient() hands out a new native handle each call: close it, or one leaks per parameter per step.
            try (NDArray gradient = weight.getGradient()) {
                if (!updateInPlace(weight, gradient, means.get(i), variances.get(i), step)) {
                    weight.getNDArrayInternal().adamUpdate(new NDList(weight, gradient, means.get(i), variances.get(i)),
                            new NDList(weight), lr, correctedLr, 0f, 1f, -1f, settings.beta1(), settings.beta2(),
                            settings.epsilon(), false, false);
                    JniUtils.zeroGrad((PtNDArray) weight);
                }
            }
        }
    }

    /** The one-pass Java update where all four tensors are CPU float storage it can reach; false elsewhere (GPU). */
    private boolean updateInPlace(NDArray weight, NDArray gradient, NDArray mean, NDArray variance, CpuAdamKernel.Step step) {
        Optional<FloatBuffer> w = TensorMemory.floatView(weight);
        Optional<FloatBuffer> g = w.isPresent() ? TensorMemory.floatView(gradient) : Optional.empty();
        Optional<FloatBuffer> m = g.isPresent() ? TensorMemory.floatView(mean) : Optional.empty();
        Optional<FloatBuffer> v = m.isPresent() ? TensorMemory.floatView(variance) : Optional.empty();
        if (v.isEmpty()) {
            return false;
        }
        if (cpuKernel == null) {
            cpuKernel = new CpuAdamKernel(JniUtils.getNumThreads());
        }
        cpuKernel.update(w.get(), g.get(), m.get(), v.get(), step);
        return true;
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

    public void save(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeLong(steps);
        out.writeInt(parameters.size());
        NDList state = new NDList();
        state.addAll(means);
        state.addAll(variances);
        state.encode(out);
    }

    /** Restores what {@link #save} wrote for the same parameter list. */
    public void load(DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
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
}
