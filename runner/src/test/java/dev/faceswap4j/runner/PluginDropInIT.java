package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.testing.TestModels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin jars built here, from source, against the api jar only — a detector and a convert colour stage — are
 * dropped into a copy of the distribution's plugins/ folder and found and selected by name through
 * bin/faceswap4j, with no change to any faceswap4j code; and each plugin folder of the distribution can be taken out
 * without breaking the commands that do not need it.
 */
class PluginDropInIT {

    /** Declares a model file of its own (a real one, from the face-api npm package) and reads it through the context. */
    private static final String PROVIDER = """
            package example;

            import dev.faceswap4j.api.*;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;

            public final class WholeImageDetectorProvider implements FaceDetectorProvider {
                static final ModelFile MODEL = new ModelFile("whole-image-model", "whole-image/tiny_face_detector_model-weights_manifest.json",
                        3219L, "5d1af4849ac48d5b985f4a9b16010c512353ddd6fcc63d50fd0bc9e9e64296e5",
                        new ModelSource.NpmPackage("@vladmandic/face-api@1.7.15",
                                "https://registry.npmjs.org/@vladmandic/face-api/-/face-api-1.7.15.tgz",
                                "0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031",
                                "package/model/tiny_face_detector_model-weights_manifest.json"), "MIT");
                public String name() { return "whole-image"; }
                public String description() { return "reports the whole image as one face"; }
                public List<ModelFile> modelFiles() { return List.of(MODEL); }
                public FaceDetector create(StageContext context) {
                    Path model = context.modelFile("model");
                    double score = context.settings().getDouble("score");
                    return image -> List.of(new Detection(new Rect(0, 0, image.width(), image.height()), score));
                }
            }
            """;

    /** A colour stage that paints the swapped face one colour: unmistakable in the converted photo. */
    private static final String COLOR_PROVIDER = """
            package example;

            import dev.faceswap4j.api.*;
            import java.util.List;

            public final class SolidColorProvider implements ColorMatcherProvider {
                public String name() { return "solid"; }
                public String description() { return "paints the face one colour"; }
                public ColorMatcher create(StageContext context) {
                    List<Integer> bgr = context.settings().getIntList("bgr");
                    return (face, frame, mask) -> {
                        byte[] pixels = new byte[face.pixels().length];
                        for (int i = 0; i < pixels.length; i++) {
                            pixels[i] = (byte) (int) bgr.get(i % 3);
                        }
                        return new Image(face.width(), face.height(), face.order(), pixels);
                    };
                }
            }
            """;

    @TempDir
    Path work;

    private Path home;
    private Path image;

    @BeforeEach
    void copyDistribution() throws IOException {
        home = distributionWithout(work.resolve("faceswap4j"), null);
        image = work.resolve("frame.png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR), "png", image.toFile());
    }

    /** A copy of the staged distribution at {@code home} (launcher copied, jars linked), without plugin folder {@code left} (null: all). */
    private static Path distributionWithout(Path home, String left) throws IOException {
        Path dist = Launcher.stagedDistribution().toAbsolutePath();
        Files.createDirectories(home.resolve("bin"));
        Files.copy(dist.resolve("bin/faceswap4j"), home.resolve("bin/faceswap4j"));
        Files.createSymbolicLink(home.resolve("lib"), dist.resolve("lib"));
        Files.createDirectories(home.resolve("plugins"));
        try (Stream<Path> plugins = Files.list(dist.resolve("plugins"))) {
            for (Path plugin : plugins.toList()) {
                if (!plugin.getFileName().toString().equals(left)) {
                    Files.createSymbolicLink(home.resolve("plugins").resolve(plugin.getFileName()), plugin);
                }
            }
        }
        return home;
    }

    /**
     * Each plugin folder taken out in turn: {@code plugins} and {@code models list} still run clean, and so does a command
     * that does not need the missing plugin (extract with a detector that is there). Without the face-api embedder,
     * faceswap-GAN still trains with its perceptual loss: the recognition network is the shared DJL module's, its
     * files checked as the GAN's own model files.
     */
    @Test
    void eachPluginFolderCanBeLeftOut() throws Exception {
        Launcher.fetchModels();
        List<String> folders;
        try (Stream<Path> plugins = Files.list(Launcher.stagedDistribution().resolve("plugins"))) {
            folders = plugins.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(folders.containsAll(List.of("faceswap4j-djl-common", "faceswap4j-plugins-detector-hog", "faceswap4j-plugins-detector-cnn",
                "faceswap4j-plugins-embedder-faceapi", "faceswap4j-plugins-model-autoencoder", "faceswap4j-plugins-model-faceswapgan")), folders.toString());
        for (String left : folders) {
            Path without = distributionWithout(work.resolve("without-" + left), left);
            Launcher.Result plugins = Launcher.run(without, 60, "plugins");
            assertEquals(0, plugins.exit(), left + " left out: " + plugins.out() + plugins.err());
            assertFalse(plugins.out().contains(left + "-"), left + " left out, yet listed:\n" + plugins.out());
            Launcher.Result models = Launcher.run(without, 60, "models", "list");
            assertEquals(0, models.exit(), left + " left out: " + models.err());

            String detector = left.endsWith("detector-hog") ? "cnn" : "hog";
            Path faces = work.resolve("faces-without-" + left);
            Launcher.Result extract = Launcher.run(without, 300, "extract", "--input", TestModels.samplePhoto(2).toString(), "--output",
                    faces.toString(), "--set", "detector=" + detector, "--set", "extract.largest-only=true", "--no-progress");
            assertEquals(0, extract.exit(), left + " left out: " + extract.err());
            assertTrue(extract.out().startsWith("extracted 1 frames, 1 faces"), left + " left out: " + extract.out());
        }

        Path withoutEmbedder = work.resolve("without-faceswap4j-plugins-embedder-faceapi");
        Path facesB = work.resolve("faces-b");
        Launcher.Result extractB = Launcher.run(withoutEmbedder, 300, "extract", "--input", TestModels.samplePhoto(3).toString(), "--output",
                facesB.toString(), "--set", "extract.largest-only=true", "--no-progress");
        assertEquals(0, extractB.exit(), extractB.err());
        Path config = Files.writeString(work.resolve("gan.conf"), String.join("\n",
                "faceswap4j {",
                "  model = faceswap-gan",
                "  train { batch-size = 2, checkpoint-every = 1, preview-every = 1, seed = 1 }",
                "  models.faceswap-gan { encoder-filters = [32, 64, 128, 256], encoder-dim = 256, bottleneck-filters = 128,",
                "    decoder-filters = [64, 32, 16], decoder-attention = [32], discriminator-filters = [16, 32, 64], loss-weights.mask-warmup = 0 }",
                "}"));
        Path modelDir = work.resolve("gan");
        Launcher.Result train = Launcher.run(withoutEmbedder, 600, "train", "-c", config.toString(), "-A",
                work.resolve("faces-without-faceswap4j-plugins-embedder-faceapi").toString(), "-B", facesB.toString(), "-m", modelDir.toString(),
                "-n", "1", "--no-progress");
        assertEquals(0, train.exit(), train.out() + train.err());
        assertTrue(train.out().contains("trained at iteration 1"), train.out());
        // With no warm-up the perceptual term is on from the first step: the network ran.
        List<String> losses = Files.readAllLines(modelDir.resolve("losses.csv"));
        int column = List.of(losses.get(0).split(",")).indexOf("g_a.perceptual");
        assertTrue(column > 0, losses.get(0));
        double perceptual = Double.parseDouble(losses.get(1).split(",")[column]);
        assertTrue(perceptual > 0 && Double.isFinite(perceptual), "perceptual loss of the first step: " + perceptual);
    }

    @Test
    void droppedJarIsFoundAndSelectedByName() throws Exception {
        Launcher.Result before = Launcher.run(home, 60, "detect", "--set", "detector=whole-image", image.toString());
        assertEquals(2, before.exit(), before.err());
        assertTrue(before.err().startsWith("error: unknown detector 'whole-image' (faceswap4j.detector, --set detector=whole-image)"),
                before.err());

        buildPluginJar(home.resolve("plugins/whole-image-detector.jar"), "WholeImageDetectorProvider", PROVIDER, "FaceDetectorProvider",
                "faceswap4j.detectors.whole-image { score = 0.5, model = ${faceswap4j.model-store.dir}\"/whole-image/tiny_face_detector_model-weights_manifest.json\" }\n");

        // Its model file is the plugin's own: listed, asked for by name, fetched by models fetch like any other.
        Launcher.Result list = Launcher.run(home, 60, "models", "list");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("whole-image-model ") && l.contains("tiny_face_detector_model")), list.out());
        Path store = Files.createDirectories(work.resolve("store"));
        Files.writeString(store.resolve("SHA256SUMS"), ""); // an (empty) model store
        Launcher.Result missing = Launcher.run(home, 60, "detect", "--set", "detector=whole-image",  "--set", "model-store.dir=" + store, image.toString());
        assertEquals(2, missing.exit(), missing.err());
        assertEquals("error: model file " + store.resolve("whole-image/tiny_face_detector_model-weights_manifest.json")
                + " (whole-image-model) is missing — run 'faceswap4j models fetch' (model-store.dir = " + store + ")\n", missing.err());
        Launcher.Result fetch = Launcher.run(home, 900, "models", "fetch"); // every plugin's files, this one's too
        assertEquals(0, fetch.exit(), fetch.err());
        assertTrue(fetch.out().lines().anyMatch(l -> l.matches("(fetched|present) +\\S+/whole-image/tiny_face_detector_model-weights_manifest.json")),
                fetch.out());

        Launcher.Result plugins = Launcher.run(home, 60, "plugins");
        assertEquals(0, plugins.exit(), plugins.err());
        assertTrue(plugins.out().lines().anyMatch(l -> l.contains("whole-image") && l.contains("whole-image-detector.jar")
                && l.contains("reports the whole image as one face")), plugins.out());
        assertTrue(plugins.out().contains("score = 0.5"), "the plugin's reference.conf defaults are listed:\n" + plugins.out());

        Launcher.Result detect = Launcher.run(home, 60, "detect", "--set", "detector=whole-image", image.toString());
        assertEquals(0, detect.exit(), detect.err());
        assertEquals(image + " 0.0 0.0 40.0 30.0 0.5000\n", detect.out());

        Launcher.Result overridden = Launcher.run(home, 60, "detect", "--set", "detector=whole-image",
                "--set", "detectors.whole-image.score=0.75", image.toString());
        assertEquals(image + " 0.0 0.0 40.0 30.0 0.7500\n", overridden.out(), overridden.err());
    }

    @Test
    void droppedColorStageIsSelectedByNameInConvert() throws Exception {
        Launcher.fetchModels();
        buildPluginJar(home.resolve("plugins/solid-color.jar"), "SolidColorProvider", COLOR_PROVIDER, "ColorMatcherProvider",
                "faceswap4j.convert.colors.solid { bgr = [0, 0, 255] }\n");
        Launcher.Result plugins = Launcher.run(home, 60, "plugins", "--set", "convert.color=solid");
        assertTrue(plugins.out().lines().anyMatch(l -> l.contains("* solid") && l.contains("solid-color.jar")), plugins.out());

        Path a = TestModels.samplePhoto(2);
        Path config = Files.writeString(work.resolve("pipeline.conf"), String.join("\n",
                "faceswap4j {",
                "  extract.largest-only = true",
                "  convert { largest-only = true, color = solid }",
                "  run { a = \"" + a + "\", b = \"" + TestModels.samplePhoto(3) + "\", work-dir = \"" + work.resolve("run") + "\" }",
                "  train { iterations = 2, batch-size = 2, checkpoint-every = 2, preview-every = 2, seed = 1 }",
                "  models.autoencoder { encoder-filters = [16, 32, 64, 128], encoder-dim = 64, bottleneck-filters = 64, decoder-filters = [32, 16, 8] }",
                "}"));
        Launcher.Result run = Launcher.run(home, 600, "run", "--config", config.toString(), "--no-progress");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("converted 1 frames, 1 faces swapped"), run.out());
        // Where the mask is fully opaque the face is the plugin's colour, exactly.
        assertTrue(countRed(Images.readBgr(work.resolve("run/swapped.png"))) > 2000, "pure red pixels after the swap");
        assertTrue(countRed(Images.readBgr(a)) < 50, "pure red pixels before it");
    }

    private static int countRed(Image image) {
        int red = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                red += image.get(x, y, 0) == 0 && image.get(x, y, 1) == 0 && image.get(x, y, 2) == 255 ? 1 : 0;
            }
        }
        return red;
    }

    /** Compiles a provider against the api jar and packs it with its services file and reference.conf. */
    private void buildPluginJar(Path jar, String className, String source, String serviceInterface, String referenceConf) throws IOException {
        Path src = work.resolve("src/" + className + "/example/" + className + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = work.resolve("classes-" + className);
        Files.createDirectories(classes);
        String classpath;
        try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
            classpath = String.join(java.io.File.pathSeparator, libs
                    .filter(p -> p.getFileName().toString().matches("(faceswap4j-api|config)-.*\\.jar")).map(Path::toString).toList());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-cp", classpath, "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "test plugin compiles against the api jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "example/" + className + ".class", Files.readAllBytes(classes.resolve("example/" + className + ".class")));
            put(out, "META-INF/services/dev.faceswap4j.api." + serviceInterface, ("example." + className + "\n").getBytes(StandardCharsets.UTF_8));
            put(out, "reference.conf", referenceConf.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(bytes);
        jar.closeEntry();
    }
}
