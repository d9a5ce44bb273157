package dev.faceswap4j.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

    private final PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

    @TempDir
    Path dir;

    private Config config(String pipelineConf, String... sets) throws IOException {
        Path file = dir.resolve("pipeline.conf");
        Files.writeString(file, pipelineConf);
        return new ConfigLoader(getClass().getClassLoader(), jvmProperties()).load(file, List.of(sets));
    }

    @Test
    void findsProvidersWithTheirSource() {
        List<String> names = registry.providers(StageKind.DETECTOR).stream().map(PluginRegistry.Registered::name).toList();
        assertEquals(List.of("fixed-box", "twin", "twin"), names);
        assertEquals("test-classes", registry.providers(StageKind.DETECTOR).get(0).source());
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    }

    @Test
    void createsTheSelectedProviderWithItsOwnSettings() throws IOException {
        Config config = config("faceswap4j.detector = fixed-box\nfaceswap4j.detectors.fixed-box.size = 64\n");
        try (FaceDetector detector = registry.create(StageKind.DETECTOR, config)) {
            List<Detection> found = detector.detect(new Image(2, 2, ChannelOrder.GRAY, new byte[4]));
            assertEquals(List.of(new Detection(new Rect(10, 20, 64, 64), 0.5)), found);
        }
    }

    @Test
    void unknownNameSaysWhatIsAvailableAndWhereItWasSet() throws IOException {
        Path file = dir.resolve("pipeline.conf");
        Config config = config("faceswap4j {\n  detector = hgo\n}\n");
        FaceswapException e = assertThrows(FaceswapException.class, () -> registry.create(StageKind.DETECTOR, config));
        assertEquals("unknown detector 'hgo' (faceswap4j.detector, " + file + ":2); available: fixed-box, twin"
                + " — is the plugin jar in plugins/? run 'faceswap4j plugins'", e.getMessage());
    }

    @Test
    void unknownNameFromSetNamesTheOption() throws IOException {
        Config config = config("", "model=autoencodr");
        FaceswapException e = assertThrows(FaceswapException.class, () -> registry.select(StageKind.MODEL, config));
        assertEquals("unknown model 'autoencodr' (faceswap4j.model, --set model=autoencodr); available: pass-through"
                + " — is the plugin jar in plugins/? run 'faceswap4j plugins'", e.getMessage());
    }

    @Test
    void twoProvidersWithOneNameAreAnErrorNotAShadow() throws IOException {
        Config config = config("faceswap4j.detector = twin\n");
        FaceswapException e = assertThrows(FaceswapException.class, () -> registry.select(StageKind.DETECTOR, config));
        assertTrue(e.getMessage().startsWith("two detector plugins are named 'twin': test-classes and test-classes"), e.getMessage());
    }

    /** The JVM's properties (for ${user.home} in reference.conf), as a copy the test may change. */
    private static Properties jvmProperties() {
        Properties props = new Properties();
        props.putAll(System.getProperties());
        return props;
    }
}
