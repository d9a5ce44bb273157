package dev.faceswap4j.embedder.faceapi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.faceswap4j.api.FaceEmbedder;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.ImageOps;
import dev.faceswap4j.djl.FaceTensors;
import dev.faceswap4j.djl.recognition.FaceRecognitionNet;
import java.util.ArrayList;
import java.util.List;

/** {@code embedder = face-api}: descriptors of face-api's recognition ResNet, on DJL. */
final class FaceApiEmbedder implements FaceEmbedder {

    private final NDManager manager;
    private final FaceRecognitionNet net;
    private final ImageOps images;

    FaceApiEmbedder(NDManager manager, FaceRecognitionNet net, ImageOps images) {
        this.manager = manager;
        this.net = net;
        this.images = images;
    }

    @Override
    public int chipSize() {
        return FaceRecognitionNet.CHIP_SIZE;
    }

    /**
     * Stricter than dlib's 0.6 for this network (its equal-error point on sharp LFW pairs): in video, blurred
     * bystanders drift towards the mean face. Measured on dirtydancing.mp4: the lead's faces lie within 0.42 of
     * a reference photo of him, the bystanders' from 0.515 on.
     */
    @Override
    public double samePersonDistance() {
        return 0.5;
    }

    @Override
    public List<float[]> embed(List<Image> chips) {
        if (chips.isEmpty()) {
            return List.of();
        }
        int size = FaceRecognitionNet.CHIP_SIZE;
        List<Image> sized = chips.stream()
                .map(chip -> chip.width() == size && chip.height() == size ? chip
                        : images.cropResize(chip, 0, 0, chip.width(), chip.height(), size, size))
                .toList();
        try (NDManager scope = manager.newSubManager()) {
            NDArray descriptors = net.descriptors(FaceTensors.fromImages(scope, sized, size)).toDevice(ai.djl.Device.cpu(), false);
            List<float[]> result = new ArrayList<>(chips.size());
            for (int i = 0; i < chips.size(); i++) {
                result.add(descriptors.get(i).toFloatArray());
            }
            return result;
        }
    }

    @Override
    public void close() {
        net.close();
        manager.close();
    }
}
