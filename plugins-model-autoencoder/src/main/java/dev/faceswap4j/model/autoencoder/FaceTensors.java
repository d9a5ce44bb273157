package dev.faceswap4j.model.autoencoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.RgbFloats;
import java.util.ArrayList;
import java.util.List;

/** Faces between the pipeline's interleaved RGB floats / images and the networks' NCHW arrays. */
public final class FaceTensors {

    private FaceTensors() {}

    /** {@code count} faces of {@code size}² interleaved RGB floats as an NCHW array on the manager's device. */
    public static NDArray fromNhwc(NDManager manager, float[] rgb, int count, int size) {
        return manager.create(rgb, new Shape(count, size, size, 3)).transpose(0, 3, 1, 2);
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
}
