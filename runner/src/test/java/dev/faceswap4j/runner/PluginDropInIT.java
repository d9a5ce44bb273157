package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A plugin jar built here, from source, against the api jar only, is dropped into a copy of the
 * distribution's plugins/ folder and found and selected by name through bin/faceswap4j, with no
 * change to any faceswap4j code.
 */
class PluginDropInIT {

    private static final String PROVIDER = """
            package example;

            import com.typesafe.config.Config;
            import dev.faceswap4j.api.*;
            import java.util.List;

            public final class WholeImageDetectorProvider implements FaceDetectorProvider {
                public String name() { return "whole-image"; }
                public String description() { return "reports the whole image as one face"; }
                public FaceDetector create(Config settings) {
                    double score = settings.getDouble("score");
                    return image -> List.of(new Detection(new Rect(0, 0, image.width(), image.height()), score));
                }
            }
            """;

    @TempDir
    Path work;

    private Path home;
    private Path image;

    @BeforeEach
    void copyDistribution() throws IOException {
        Path dist = Launcher.stagedDistribution().toAbsolutePath();
        home = work.resolve("faceswap4j");
        Files.createDirectories(home.resolve("bin"));
        Files.copy(dist.resolve("bin/faceswap4j"), home.resolve("bin/faceswap4j"));
        Files.createSymbolicLink(home.resolve("lib"), dist.resolve("lib"));
        Files.createDirectories(home.resolve("plugins"));
        try (Stream<Path> plugins = Files.list(dist.resolve("plugins"))) {
            for (Path plugin : plugins.toList()) {
                Files.createSymbolicLink(home.resolve("plugins").resolve(plugin.getFileName()), plugin);
            }
        }
        image = work.resolve("frame.png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR), "png", image.toFile());
    }

    @Test
    void droppedJarIsFoundAndSelectedByName() throws Exception {
        Launcher.Result before = Launcher.run(home, 60, "detect", "--set", "detector=whole-image", image.toString());
        assertEquals(2, before.exit(), before.err());
        assertTrue(before.err().startsWith("error: unknown detector 'whole-image' (faceswap4j.detector, --set detector=whole-image)"),
                before.err());

        buildPluginJar(home.resolve("plugins/whole-image-detector.jar"));

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

    /** Compiles the provider against the api jar and packs it with its services file and reference.conf. */
    private void buildPluginJar(Path jar) throws IOException {
        Path src = work.resolve("src/example/WholeImageDetectorProvider.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, PROVIDER);
        Path classes = work.resolve("classes");
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
            put(out, "example/WholeImageDetectorProvider.class", Files.readAllBytes(classes.resolve("example/WholeImageDetectorProvider.class")));
            put(out, "META-INF/services/dev.faceswap4j.api.FaceDetectorProvider",
                    "example.WholeImageDetectorProvider\n".getBytes(StandardCharsets.UTF_8));
            put(out, "reference.conf", "faceswap4j.detectors.whole-image { score = 0.5 }\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(bytes);
        jar.closeEntry();
    }
}
