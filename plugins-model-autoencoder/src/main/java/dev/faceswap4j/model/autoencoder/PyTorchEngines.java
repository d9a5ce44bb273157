package dev.faceswap4j.model.autoencoder;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static boolean containsLibrary(Path cache) {
        try (var files = Files.walk(cache)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("libtorch_cpu"));
        } catch (Exception e) {
            return false;
        }
    }
}
