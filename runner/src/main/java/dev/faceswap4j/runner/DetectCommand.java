package dev.faceswap4j.runner;

import dev.faceswap4j.api.Detection;
import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.plugin.PluginRegistry;
import dev.faceswap4j.core.plugin.StageKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "detect", description = "Run the configured face detector on images; print one line per face: file x y width height score.")
final class DetectCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "JPEG, PNG or BMP files.")
    List<Path> images;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = PluginRegistry.discover(Thread.currentThread().getContextClassLoader());
        PrintWriter out = spec.commandLine().getOut();
        try (FaceDetector detector = registry.create(StageKind.DETECTOR, config.load())) {
            for (Path file : images) {
                Image image = Images.readBgr(file);
                for (Detection d : detector.detect(image)) {
                    out.println(String.format(Locale.ROOT, "%s %.1f %.1f %.1f %.1f %.4f", file, d.box().x(), d.box().y(),
                            d.box().width(), d.box().height(), d.score()));
                }
            }
        }
        out.flush();
        return 0;
    }
}
