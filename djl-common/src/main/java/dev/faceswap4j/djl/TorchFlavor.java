package dev.faceswap4j.djl;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * Which libtorch builds the class path bundles ({@code pytorch-native-cpu}, {@code -cu124}), whether the one DJL
 * loaded has CUDA, and how many GPUs it sees: enough to say why a model runs on the CPU.
 *
 * @param bundled flavors of the native jars on the class path, e.g. [cu124, cpu]
 * @param libraryPath {@code PYTORCH_LIBRARY_PATH} when libtorch comes from outside the distribution, else null
 */
public record TorchFlavor(List<String> bundled, String libraryPath, boolean cuda, int gpus) {

    private static final String PROPERTIES = "native/lib/pytorch.properties";

    public static TorchFlavor of(Engine engine) {
        return new TorchFlavor(bundledFlavors(), System.getenv("PYTORCH_LIBRARY_PATH"), engine.hasCapability(StandardCapabilities.CUDA),
                engine.getGpuCount());
    }

    /** The loaded build: {@code cuda} or {@code cpu}, and where it came from. */
    public String describe() {
        String source = libraryPath != null ? "PYTORCH_LIBRARY_PATH " + libraryPath : "bundled " + String.join(", ", bundled);
        return (cuda ? "cuda" : "cpu") + " (" + source + ")";
    }

    /** Whether this set-up could have used a GPU: a CUDA libtorch bundled or loaded, or libtorch from outside. */
    public boolean gpuPossible() {
        return cuda || libraryPath != null || bundled.stream().anyMatch(flavor -> flavor.startsWith("cu"));
    }

    /** Why {@code device = auto} takes the CPU; null when there is a GPU. */
    public String whyCpu() {
        if (gpus > 0) {
            return null;
        }
        if (cuda) {
            return "libtorch has CUDA but sees no GPU (CUDA driver " + driver() + ")";
        }
        if (libraryPath != null) {
            return "the libtorch at PYTORCH_LIBRARY_PATH " + libraryPath + " is a CPU build";
        }
        if (bundled.stream().anyMatch(flavor -> flavor.startsWith("cu"))) {
            return "the CUDA libtorch is in the distribution, but DJL took the CPU one: no usable NVIDIA driver (CUDA driver " + driver() + ")";
        }
        return "this distribution has the CPU libtorch only (build it with ./build.sh demo --cuda for the CUDA one)";
    }

    private static String driver() {
        int version = CudaUtils.hasCuda() ? CudaUtils.getCudaVersion() : -1;
        return version > 0 ? version / 1000 + "." + version % 1000 / 10 : "not found";
    }

    private static List<String> bundledFlavors() {
        List<String> flavors = new ArrayList<>();
        try {
            for (URL url : Collections.list(TorchFlavor.class.getClassLoader().getResources(PROPERTIES))) {
                try (InputStream in = url.openStream()) {
                    Properties properties = new Properties();
                    properties.load(in);
                    flavors.add(properties.getProperty("flavor", "?"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROPERTIES + " from the class path", e);
        }
        return flavors;
    }
}
