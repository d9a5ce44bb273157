package dev.faceswap4j.model.autoencoder;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;
import dev.faceswap4j.api.FaceswapException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's PyTorch engine offline. libtorch comes from the {@code pytorch-native-cpu} jar, or from
 * {@code PYTORCH_LIBRARY_PATH} (with {@code PYTORCH_FLAVOR}) for a CUDA build of libtorch 2.7.x.
 */
public final class PyTorchEngines {

    private static final Logger log = LoggerFactory.getLogger(PyTorchEngines.class);

    private PyTorchEngines() {}

    public static Engine pytorch() {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true"); // never download at run time
        }
        Path cache = Utils.getEngineCacheDir("pytorch");
        if (System.getenv("PYTORCH_LIBRARY_PATH") == null && !containsLibrary(cache)) {
            log.info("first start: extracting libtorch (about 450 MB) to {}, this takes a few seconds", cache);
        }
        return Engine.getEngine("PyTorch");
    }

    /**
     * The device a {@code device = auto|cpu|gpu} setting asks for: auto takes the first GPU when
     * libtorch has CUDA; gpu without one fails naming {@code settingPath}.
     */
    public static Device device(Engine engine, String setting, String settingPath) {
        int gpus = engine.getGpuCount();
        return switch (setting) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new FaceswapException(settingPath + " = gpu, but DJL's libtorch sees no GPU"
                            + " (set PYTORCH_LIBRARY_PATH to a CUDA libtorch 2.7.x and PYTORCH_FLAVOR=cu128; see README)");
                }
                yield Device.gpu();
            }
            default -> gpus > 0 ? Device.gpu() : Device.cpu();
        };
    }

    /**
     * What {@code build} makes on a new manager on {@code device}, which then owns the manager and
     * closes it; if building fails (a corrupt checkpoint, say) the manager is closed here, so no
     * native memory is left behind.
     */
    public static <T> T withOwnedManager(Engine engine, Device device, Function<NDManager, T> build) {
        NDManager manager = engine.newBaseManager(device);
        try {
            return build.apply(manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static boolean containsLibrary(Path cache) {
        try (var files = Files.walk(cache)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("libtorch_cpu"));
        } catch (Exception e) {
            return false;
        }
    }
}
