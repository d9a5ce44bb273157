package dev.faceswap4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.toolkit.RgbFloats;
import java.util.ArrayList;
import java.util.List;

/** Faces between the pipeline's interleaved RGB floats / images and the networks' NCHW arrays. */
public final class FaceTensors {

    private FaceTensors() {}

    /**
     * {@code count} faces of {@code size}² interleaved RGB floats as a contiguous NCHW array on the
     * manager's device. Reordered here rather than by a transposed view: a view has channels-last
     * strides, which sends libtorch 2.7.1's CPU convolutions down a channels-last path whose backward
     * pass gave NaN input gradients now and then (seen at the 3-channel output convolution).
     */
    public static NDArray fromNhwc(NDManager manager, float[] rgb, int count, int size) {
        int plane = size * size;
        float[] nchw = new float[rgb.length];
        for (int n = 0; n < count; n++) {
            int base = n * plane * 3;
            for (int p = 0; p < plane; p++) {
                int source = base + p * 3;
                nchw[base + p] = rgb[source];
                nchw[base + plane + p] = rgb[source + 1];
                nchw[base + 2 * plane + p] = rgb[source + 2];
            }
        }
        return manager.create(nchw, new Shape(count, 3, size, size));
    }

    public static NDArray fromImages(NDManager manager, List<Image> faces, int size) {
        float[] rgb = new float[faces.size() * size * size * 3];
        for (int i = 0; i < faces.size(); i++) {
            Image face = faces.get(i);
            if (face.width() != size || face.height() != size) {
                throw new IllegalArgumentException("the model takes " + size + "x" + size + " faces, got " + face.width() + "x" + face.height());
            }
            RgbFloats.write(face, rgb, i * size * size * 3);
        }
        return fromNhwc(manager, rgb, faces.size(), size);
    }

    /** An NCHW RGB array back to images in {@code order}. */
    public static List<Image> toImages(NDArray faces, ChannelOrder order) {
        Shape shape = faces.getShape();
        int count = (int) shape.get(0);
        int height = (int) shape.get(2);
        int width = (int) shape.get(3);
        float[] rgb;
        try (NDArray nhwc = faces.transpose(0, 2, 3, 1).toDevice(ai.djl.Device.cpu(), false)) {
            rgb = nhwc.toFloatArray();
        }
        List<Image> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(RgbFloats.read(rgb, i * width * height * 3, width, height, order));
        }
        return images;
    }

    /** An (N, 1, H, W) array in [0, 1] back to {@link ChannelOrder#GRAY} images (0..255). */
    public static List<Image> toMasks(NDArray masks) {
        Shape shape = masks.getShape();
        int count = (int) shape.get(0);
        int plane = (int) (shape.get(2) * shape.get(3));
        float[] values;
        try (NDArray onCpu = masks.toDevice(ai.djl.Device.cpu(), true)) {
            values = onCpu.toFloatArray();
        }
        List<Image> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] pixels = new byte[plane];
            for (int p = 0; p < plane; p++) {
                pixels[p] = (byte) Math.round(Math.max(0f, Math.min(1f, values[i * plane + p])) * 255f);
            }
            images.add(new Image((int) shape.get(3), (int) shape.get(2), ChannelOrder.GRAY, pixels));
        }
        return images;
    }
}
