package dev.faceswap4j.djl;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.util.Utils;
import dev.faceswap4j.api.EnvironmentProbe;
import dev.faceswap4j.toolkit.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which PyTorch engine DJL found: version, native flavor and library folder, devices. */
public final class PyTorchProbe implements EnvironmentProbe {

    @Override
    public String name() {
        return "DJL PyTorch engine (model = autoencoder, faceswap-gan; embedder = face-api)";
    }

    @Override
    public Map<String, String> probe() {
        Map<String, String> facts = new LinkedHashMap<>();
        try {
            Engine engine = PyTorchEngines.pytorch();
            facts.put("engine", engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")");
            TorchFlavor flavor = TorchFlavor.of(engine);
            facts.put("flavor", flavor.describe());
            facts.put("libtorch", flavor.libraryPath() != null ? flavor.libraryPath() : Utils.getEngineCacheDir("pytorch").toString());
            facts.put("cuda", flavor.cuda() ? "yes, " + flavor.gpus() + " GPU(s)" : "no");
            facts.put("mkldnn", String.valueOf(engine.hasCapability(StandardCapabilities.MKLDNN)));
            String whyCpu = flavor.whyCpu();
            facts.put("device = auto", whyCpu == null ? engine.defaultDevice().toString() : "cpu: " + whyCpu);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            facts.put("engine", "failed to load: " + Messages.firstLine(e));
        }
        return facts;
    }
}
