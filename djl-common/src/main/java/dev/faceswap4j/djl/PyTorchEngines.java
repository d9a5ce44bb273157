package dev.faceswap4j.djl;

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
 * Starts DJL's PyTorch engine offline. libtorch comes from the {@code pytorch-native-cpu} jar (and
 * {@code pytorch-native-cu124} in a {@code -Pcuda} build), or from {@code PYTORCH_LIBRARY_PATH} (with
 * {@code PYTORCH_FLAVOR}) for a libtorch of the version DJL's JNI was built for.
 */
public final class PyTorchEngines {

    private static final Logger log = LoggerFactory.getLogger(PyTorchEngines.class);

    private static volatile boolean cpuReported;

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
    /** Fails with one line unless {@code setting} is a device {@link #device} knows: auto, cpu, gpu or gpu:N (the N-th GPU). */
    public static void checkDevice(String setting, String settingPath) {
        if (!setting.equals("auto") && !setting.equals("cpu") && !setting.equals("gpu") && !setting.matches("gpu:\\d+")) {
            throw new FaceswapException(settingPath + " must be auto, cpu, gpu or gpu:N, got '" + setting + "'");
        }
    }

    public static Device device(Engine engine, String setting, String settingPath) {
        int gpus = engine.getGpuCount();
        return switch (setting) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new FaceswapException(settingPath + " = gpu, but DJL's libtorch sees no GPU"
                            + ": " + TorchFlavor.of(engine).whyCpu());
                }
                yield Device.gpu();
            }
            default -> {
                if (setting.matches("gpu:\\d+")) {
                    int id = Integer.parseInt(setting.substring("gpu:".length()));
                    if (id >= gpus) {
                        throw new FaceswapException(settingPath + " = " + setting + ", but DJL's libtorch sees " + gpus + " GPU(s)");
                    }
                    yield Device.gpu(id);
                }
                if (gpus > 0) {
                    yield Device.gpu();
                }
                if (!cpuReported) { // once per JVM: the embedder and the model both ask
                    cpuReported = true;
                    TorchFlavor flavor = TorchFlavor.of(engine);
                    // Said aloud where a GPU could have been meant (a CUDA build, an own libtorch); a CPU build's CPU is no news.
                    String line = "{} = auto: the CPU, because {}";
                    if (flavor.gpuPossible()) {
                        log.info(line, settingPath, flavor.whyCpu());
                    } else {
                        log.debug(line, settingPath, flavor.whyCpu());
                    }
                }
                yield Device.cpu();
            }
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
