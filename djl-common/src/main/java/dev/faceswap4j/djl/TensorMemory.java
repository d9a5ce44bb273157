package dev.faceswap4j.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Optional;

/** Java views of a libtorch tensor's own storage, for in-place work the native ops do slowly. */
final class TensorMemory {

    private TensorMemory() {}

    /**
     * The float32 CPU tensor's storage as a buffer that reads and writes it in place, or empty
     * where there is no such view. DJL hands out a direct buffer over the storage of a contiguous
     * tensor but silently over a contiguous copy of any other; two views are taken and a write
     * through one must show in the other, so a copy is never mistaken for the tensor. (The probe
     * flips the first element and restores it: not for a tensor another thread reads meanwhile.)
     */
    static Optional<FloatBuffer> floatView(NDArray array) {
        if (!(array instanceof PtNDArray tensor) || !Device.cpu().equals(array.getDevice()) || array.getDataType() != DataType.FLOAT32
                || array.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer first = JniUtils.getByteBuffer(tensor, true);
        ByteBuffer second = JniUtils.getByteBuffer(tensor, true);
        if (!first.isDirect() || first.capacity() != array.size() * Float.BYTES) {
            return Optional.empty();
        }
        int original = first.getInt(0);
        first.putInt(0, ~original);
        boolean shared = second.getInt(0) == ~original;
        first.putInt(0, original);
        return shared ? Optional.of(first.asFloatBuffer()) : Optional.empty();
    }
}
