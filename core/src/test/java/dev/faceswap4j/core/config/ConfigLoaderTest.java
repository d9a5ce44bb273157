package dev.faceswap4j.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import dev.faceswap4j.api.FaceswapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String SCORE = "faceswap4j.detectors.fixed-box.score";

    @TempDir
    Path dir;

    private Config load(Properties props, Path file, String... sets) {
        return new ConfigLoader(getClass().getClassLoader(), props).load(file, List.of(sets));
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("pipeline.conf");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void referenceThenFileThenSystemPropertyThenSet() throws IOException {
        Properties props = jvmProperties();
        assertEquals(0.5, load(props, null).getDouble(SCORE), "reference.conf default");

        Path file = write("faceswap4j.detectors.fixed-box.score = 0.6\n");
        assertEquals(0.6, load(props, file).getDouble(SCORE), "pipeline.conf overrides reference.conf");
        assertEquals(100, load(props, file).getInt("faceswap4j.detectors.fixed-box.size"), "untouched defaults stay");

        props.setProperty(SCORE, "0.7");
        assertEquals(0.7, load(props, file).getDouble(SCORE), "-D overrides pipeline.conf");

        assertEquals(0.8, load(props, file, "detectors.fixed-box.score=0.8").getDouble(SCORE), "--set overrides -D");
        assertEquals(0.9, load(props, file, "detectors.fixed-box.score=0.8", SCORE + "=0.9").getDouble(SCORE),
                "the last --set wins, with or without the faceswap4j. prefix");
    }

    @Test
    void modelStoreDefaultsUnderTheUserHome() {
        Properties props = jvmProperties();
        props.setProperty("user.home", "/home/someone");
        props.remove("faceswap4j.detectors.fixed-box.score");
        assertEquals("/home/someone/.cache/faceswap4j/models", load(props, null).getString("faceswap4j.model-store.dir"));
    }

    @Test
    void unknownKeysAreReportedWithFileLineAndSuggestion() throws IOException {
        Path file = write("faceswap4j {\n  detector = fixed-box\n  detectors.fixed-box { scroe = 0.7 }\n  colour = red\n}\n");
        FaceswapException e = assertThrows(FaceswapException.class, () -> load(jvmProperties(), file));
        String message = e.getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains("faceswap4j.detectors.fixed-box.scroe (" + file + ":3), did you mean faceswap4j.detectors.fixed-box.score?"),
                message);
        assertTrue(message.contains("faceswap4j.colour (" + file + ":4)"), message);
    }

    @Test
    void aKeyOfAnEarlierVersionNamesWhatReplacedIt() {
        FaceswapException e = assertThrows(FaceswapException.class, () -> load(jvmProperties(), null, "convert.seamless=true"));
        assertTrue(e.getMessage().contains("faceswap4j.convert.seamless (--set convert.seamless=true), did you mean faceswap4j.convert.blend = poisson?"),
                e.getMessage());
    }

    @Test
    void unknownKeyFromSetNamesTheOption() {
        FaceswapException e = assertThrows(FaceswapException.class, () -> load(jvmProperties(), null, "detectr=hog"));
        assertTrue(e.getMessage().contains("faceswap4j.detectr (--set detectr=hog), did you mean faceswap4j.detector?"), e.getMessage());
    }

    @Test
    void wrongTypeIsOneLineWithTheFile() throws IOException {
        Path file = write("faceswap4j.detectors.fixed-box.size = big\n");
        FaceswapException e = assertThrows(FaceswapException.class, () -> load(jvmProperties(), file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals("config error: faceswap4j.detectors.fixed-box.size = \"big\" (" + file + ":1) must be a number", e.getMessage());
    }

    @Test
    void missingFileAndBadSetAreClear() {
        Path missing = dir.resolve("nope.conf");
        assertEquals("config file not found: " + missing,
                assertThrows(FaceswapException.class, () -> load(jvmProperties(), missing)).getMessage());
        assertEquals("--set needs key=value, got 'detector'",
                assertThrows(FaceswapException.class, () -> load(jvmProperties(), null, "detector")).getMessage());
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws IOException {
        Path file = write("faceswap4j {\n  detector = hog\n");
        FaceswapException e = assertThrows(FaceswapException.class, () -> load(jvmProperties(), file));
        assertTrue(e.getMessage().startsWith("config error: " + file), e.getMessage());
    }

    /** Mistakes Typesafe lets through without a word: each is one line naming the file, the setting and the problem. */
    @Test
    void aTypoInADashDSystemPropertyIsReported() {
        Properties props = jvmProperties();
        props.setProperty("faceswap4j.extract.evrey", "3");
        FaceswapException e = assertThrows(FaceswapException.class, () -> load(props, null));
        assertEquals("unknown config key faceswap4j.extract.evrey (-D system property), did you mean faceswap4j.extract.every?"
                + " — see 'faceswap4j plugins' for the settings each plugin takes", e.getMessage());
    }

    @Test
    void aMissingIncludeIsReportedAndAPresentOneRead() throws IOException {
        Path file = write("include \"nope.conf\"\nfaceswap4j.extract.every = 2\n");
        FaceswapException e = assertThrows(FaceswapException.class, () -> load(jvmProperties(), file));
        assertEquals("config error: include \"nope.conf\" finds no file (no " + dir.resolve("nope.conf") + " nor a class path resource nope.conf)",
                e.getMessage());

        Path fileForm = write("include file(\"" + dir.resolve("gone.conf") + "\")\n");
        assertTrue(assertThrows(FaceswapException.class, () -> load(jvmProperties(), fileForm)).getMessage()
                .startsWith("config error: include file(\"" + dir.resolve("gone.conf") + "\") finds no file"));

        Files.writeString(dir.resolve("common.conf"), "faceswap4j.extract.every = 3\n");
        Files.writeString(dir.resolve("empty.conf"), "");
        Path included = write("include \"common.conf\"\ninclude \"empty.conf\"\nfaceswap4j.extract.min-size = 40\n");
        Config config = load(jvmProperties(), included);
        assertEquals(3, config.getInt("faceswap4j.extract.every"));
        assertEquals(40, config.getInt("faceswap4j.extract.min-size"));
    }

    @Test
    void aSettingOutsideTheFaceswap4jBlockIsReported() throws IOException {
        Path file = write("detector = cnn\n");
        FaceswapException e = assertThrows(FaceswapException.class, () -> load(jvmProperties(), file));
        assertEquals("config error: detector (" + file + ":1) is outside faceswap4j { } and would be ignored; settings go inside it"
                + " (faceswap4j.detector)", e.getMessage());
    }

    @Test
    void wholeNumbersAreReadStrictly() throws IOException {
        Config train = load(jvmProperties(), null, "train.batch-size=2.5", "train.iterations=99999999999999999999", "train.seed=8.0")
                .getConfig("faceswap4j.train");
        assertEquals("faceswap4j.train.batch-size = 2.5 (--set train.batch-size=2.5) must be a whole number",
                assertThrows(FaceswapException.class, () -> WholeNumbers.intOf(train, "faceswap4j.train", "batch-size")).getMessage());
        assertEquals("faceswap4j.train.iterations = \"99999999999999999999\" (--set train.iterations=99999999999999999999) must be a whole number"
                + " up to 9223372036854775807",
                assertThrows(FaceswapException.class, () -> WholeNumbers.longOf(train, "faceswap4j.train", "iterations")).getMessage());
        assertEquals(8, WholeNumbers.longOf(train, "faceswap4j.train", "seed"), "8.0 is a whole number");
        Config big = load(jvmProperties(), null, "train.batch-size=3000000000").getConfig("faceswap4j.train");
        assertTrue(assertThrows(FaceswapException.class, () -> WholeNumbers.intOf(big, "faceswap4j.train", "batch-size")).getMessage()
                .endsWith("must be a whole number from -2147483648 to 2147483647"));
    }

    @Test
    void editDistanceCountsEdits() {
        assertEquals(0, ConfigLoader.editDistance("hog", "hog"));
        assertEquals(2, ConfigLoader.editDistance("scroe", "score"));
        assertEquals(3, ConfigLoader.editDistance("", "cnn"));
    }

    /** The JVM's properties (for ${user.home} in reference.conf), as a copy the test may change. */
    private static Properties jvmProperties() {
        Properties props = new Properties();
        props.putAll(System.getProperties());
        return props;
    }

    @Test
    void aPresetSitsBetweenTheDefaultsAndTheUsersSettings() throws IOException {
        Properties props = new Properties();
        props.setProperty("user.home", "/home/someone");
        props.remove("faceswap4j.detectors.fixed-box.score");
        assertFalse(load(props, null).hasPath("faceswap4j.models.autoencoder.encoder-dim"), "core alone has no model settings");
        Config preset = load(props, null, "preset=cpu-fast");
        assertEquals(3.0, preset.getDouble("faceswap4j.models.autoencoder.loss.eye-multiplier"), "the preset's value");
        assertEquals(256, preset.getInt("faceswap4j.models.autoencoder.encoder-dim"));
        assertEquals(8, preset.getInt("faceswap4j.train.batch-size"));
        assertEquals(0.0, preset.getDouble("faceswap4j.convert.erode"), "the whole hull (docs/quality.md)");
        assertEquals(0.0, preset.getDouble("faceswap4j.models.autoencoder.loss.background-weight"), "only the face counts");
        assertTrue(preset.getBoolean("faceswap4j.models.autoencoder.learn-mask"));
        assertEquals("pixel-shuffle", preset.getString("faceswap4j.models.autoencoder.upscale"));
        assertEquals(4.0, preset.getDouble("faceswap4j.models.autoencoder.loss.mouth-multiplier"));
        assertEquals(3.0, preset.getDouble("faceswap4j.train.augmentation.warp-sigma"));
        Path file = write("faceswap4j { preset = cpu-fast, train.batch-size = 4 }");
        assertEquals(4, load(props, file).getInt("faceswap4j.train.batch-size"), "the user's own setting wins over the preset");
        assertEquals(List.of("cpu-fast", "cpu-128", "gpu-128", "gpu-256"), new ConfigLoader(getClass().getClassLoader(), props).presets());
        FaceswapException e = assertThrows(FaceswapException.class, () -> load(props, null, "preset=cpu-fats"));
        assertTrue(e.getMessage().startsWith("unknown preset 'cpu-fats'") && e.getMessage().endsWith("available: cpu-fast, cpu-128, gpu-128, gpu-256"),
                e.getMessage());
        // cpu-128 is cpu-fast (its include) at 128 px; gpu-256 extracts crops large enough for its face.
        Config larger = load(props, null, "preset=cpu-128");
        assertEquals(128, larger.getInt("faceswap4j.models.autoencoder.face-size"));
        assertEquals(4.0, larger.getDouble("faceswap4j.models.autoencoder.loss.mouth-multiplier"), "cpu-fast's, included");
        assertEquals(384, load(props, null, "preset=gpu-256").getInt("faceswap4j.extract.crop-size"));
    }
}
