package dev.faceswap4j.detector.cnn;

import static dev.faceswap4j.toolkit.Messages.firstLine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.ImageOps;
import dev.faceswap4j.api.Rect;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code detector = cnn}: MediaPipe BlazeFace on ONNX Runtime. Each frame (or each overlapping tile
 * of it) is letterboxed into the model's square input (RGB in [-1, 1], NHWC), the anchors decoded,
 * tiles merged by weighted NMS, and boxes mapped back to the frame. Optionally the box is replaced
 * by a dlib-like box computed from the key points ({@link DlibBoxCalibration}), so the 68-point
 * predictor trained on dlib's boxes gets what it expects.
 */
final class BlazeFaceDetector implements FaceDetector {

    private static final Logger log = LoggerFactory.getLogger(BlazeFaceDetector.class);

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final int size;
    private final float minScore;
    private final float nmsIou;
    private final int tile;
    private final boolean dlibBoxes;
    private final ImageOps images;

    BlazeFaceDetector(Path model, int size, String device, float minScore, float nmsIou, int tile, boolean dlibBoxes, ImageOps images) {
        this.images = images;
        this.size = size;
        this.minScore = minScore;
        this.nmsIou = nmsIou;
        this.tile = tile;
        this.dlibBoxes = dlibBoxes;
        // Fatal-only native logging: a CUDA provider that does not load is reported in one line below.
        this.env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "faceswap4j");
        try {
            this.session = env.createSession(model.toString(), options(device));
            this.inputName = session.getInputNames().iterator().next();
            long[] shape = ((ai.onnxruntime.TensorInfo) session.getInputInfo().get(inputName).getInfo()).getShape();
            if (shape.length != 4 || shape[1] != size || shape[2] != size || shape[3] != 3) {
                throw new FaceswapException(model + " takes input " + java.util.Arrays.toString(shape) + ", expected [1, " + size + ", "
                        + size + ", 3] — is it the right BlazeFace model for model = front|back?");
            }
        } catch (OrtException e) {
            throw new FaceswapException("cannot load ONNX model " + model + ": " + firstLine(e), e);
        }
    }

    private static OrtSession.SessionOptions options(String device) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        if (device.equals("cpu")) {
            return options;
        }
        int id = device.startsWith("cuda:") ? Integer.parseInt(device.substring("cuda:".length())) : 0;
        try {
            options.addCUDA(id);
            log.info("BlazeFace runs on CUDA device {}", id);
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            if (device.startsWith("cuda")) {
                throw new FaceswapException("detector cnn: device = cuda, but the CUDA provider does not load (" + firstLine(e)
                        + "); it needs CUDA 12 and cuDNN 9 — use device = auto or cpu");
            }
            log.info("BlazeFace runs on the CPU: the CUDA provider does not load ({})", firstLine(e));
        }
        return options;
    }

    @Override
    public List<Detection> detect(Image image) {
        List<Detection> result = new ArrayList<>();
        for (BlazeFaceDecoder.Face f : faces(image)) {
            Rect box = dlibBoxes ? DlibBoxCalibration.box(f.keypoints()) : f.box();
            result.add(new Detection(box, f.score()));
        }
        result.sort((a, b) -> Double.compare(b.score(), a.score()));
        return result;
    }

    /** Faces with their key points, in frame pixels, after merging tiles. */
    List<BlazeFaceDecoder.Face> faces(Image image) {
        List<BlazeFaceDecoder.Face> all = new ArrayList<>();
        for (int[] region : regions(image.width(), image.height())) {
            all.addAll(detectRegion(image, region[0], region[1], region[2], region[3]));
        }
        return BlazeFaceDecoder.weightedNms(all, nmsIou);
    }

    /** The whole frame, or square tiles of {@code tile} pixels overlapping by a quarter. */
    private List<int[]> regions(int width, int height) {
        if (tile <= 0 || (width <= tile && height <= tile)) {
            return List.of(new int[] {0, 0, width, height});
        }
        List<int[]> regions = new ArrayList<>();
        int step = tile * 3 / 4;
        for (int y = 0; ; y += step) {
            int y0 = Math.min(y, Math.max(0, height - tile));
            for (int x = 0; ; x += step) {
                int x0 = Math.min(x, Math.max(0, width - tile));
                regions.add(new int[] {x0, y0, Math.min(tile, width - x0), Math.min(tile, height - y0)});
                if (x0 + tile >= width) {
                    break;
                }
            }
            if (y0 + tile >= height) {
                break;
            }
        }
        return regions;
    }

    /** Faces of one region, in frame coordinates (pixels). */
    private List<BlazeFaceDecoder.Face> detectRegion(Image image, int rx, int ry, int rw, int rh) {
        double scale = (double) size / Math.max(rw, rh);
        int sw = Math.max(1, (int) Math.round(rw * scale));
        int sh = Math.max(1, (int) Math.round(rh * scale));
        Image resized = images.cropResize(image, rx, ry, rw, rh, sw, sh);
        FloatBuffer input = FloatBuffer.allocate(size * size * 3);
        int channels = resized.channels();
        boolean bgr = resized.order() == ChannelOrder.BGR || resized.order() == ChannelOrder.BGRA;
        byte[] px = resized.pixels();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (x < sw && y < sh) {
                    int o = (y * sw + x) * channels;
                    int r = channels == 1 ? px[o] & 0xFF : px[o + (bgr ? 2 : 0)] & 0xFF;
                    int g = channels == 1 ? r : px[o + 1] & 0xFF;
                    int b = channels == 1 ? r : px[o + (bgr ? 0 : 2)] & 0xFF;
                    input.put(r / 127.5f - 1).put(g / 127.5f - 1).put(b / 127.5f - 1);
                } else {
                    input.put(-1f).put(-1f).put(-1f);
                }
            }
        }
        input.rewind();
        List<BlazeFaceDecoder.Face> faces = new ArrayList<>();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {1, size, size, 3});
                OrtSession.Result out = session.run(Map.of(inputName, tensor))) {
            float[] scores16 = flatten(out.get("Identity:0").orElseThrow().getValue());
            float[] scores8 = flatten(out.get("Identity_1:0").orElseThrow().getValue());
            float[] boxes16 = flatten(out.get("Identity_2:0").orElseThrow().getValue());
            float[] boxes8 = flatten(out.get("Identity_3:0").orElseThrow().getValue());
            BlazeFaceDecoder.decodeGrid(scores16, boxes16, 16, 2, size, minScore, faces);
            BlazeFaceDecoder.decodeGrid(scores8, boxes8, 8, 6, size, minScore, faces);
        } catch (OrtException e) {
            throw new FaceswapException("BlazeFace inference failed: " + firstLine(e), e);
        }
        List<BlazeFaceDecoder.Face> mapped = new ArrayList<>(faces.size());
        double unit = size / scale;
        for (BlazeFaceDecoder.Face f : faces) {
            float[] k = new float[12];
            for (int i = 0; i < 12; i += 2) {
                k[i] = (float) (rx + f.keypoints()[i] * unit);
                k[i + 1] = (float) (ry + f.keypoints()[i + 1] * unit);
            }
            mapped.add(new BlazeFaceDecoder.Face((float) (rx + f.cx() * unit), (float) (ry + f.cy() * unit), (float) (f.w() * unit),
                    (float) (f.h() * unit), k, f.score()));
        }
        return mapped;
    }

    private static float[] flatten(Object value) {
        float[][][] v = (float[][][]) value;
        int rows = v[0].length;
        int cols = v[0][0].length;
        float[] flat = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(v[0][r], 0, flat, r * cols, cols);
        }
        return flat;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            log.debug("closing the ONNX session failed", e);
        }
    }
}
