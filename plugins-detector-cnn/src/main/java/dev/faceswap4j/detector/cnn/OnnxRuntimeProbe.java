package dev.faceswap4j.detector.cnn;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import dev.faceswap4j.api.EnvironmentProbe;
import dev.faceswap4j.toolkit.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/** What ONNX Runtime offers here: its version, the execution providers compiled in, whether CUDA loads. */
public final class OnnxRuntimeProbe implements EnvironmentProbe {

    @Override
    public String name() {
        return "ONNX Runtime (detector = cnn)";
    }

    @Override
    public Map<String, String> probe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("version", String.valueOf(OrtEnvironment.class.getPackage().getImplementationVersion()));
        facts.put("providers", OrtEnvironment.getAvailableProviders().toString());
        facts.put("cuda", cudaStatus());
        return facts;
    }

    /** The CUDA provider is in the onnxruntime_gpu jar everywhere, but loads only with CUDA 12 and cuDNN 9 installed. */
    static String cudaStatus() {
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            return "not compiled into this ONNX Runtime";
        }
        // Fatal-only logging: the failed CUDA load is reported in one line below, not as a native log dump.
        OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "faceswap4j");
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.addCUDA(0);
            return "usable (device 0)";
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            return "not usable (needs CUDA 12 and cuDNN 9): " + Messages.firstLine(e);
        }
    }
}
