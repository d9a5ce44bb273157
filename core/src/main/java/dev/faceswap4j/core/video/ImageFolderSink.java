package dev.faceswap4j.core.video;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.util.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** Frames as {@code frame_000000.png ...} in a folder, built in a hidden sibling and renamed into place. */
final class ImageFolderSink implements FrameSink {

    private final Path output;
    private final Path partial;
    private int written;
    private boolean committed;

    ImageFolderSink(Path output) {
        this.output = output;
        this.partial = output.resolveSibling("." + output.getFileName() + ".partial");
        try {
            FileTrees.deleteQuietly(partial);
            Files.createDirectories(partial);
        } catch (IOException e) {
            throw new FaceswapException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Image frame) {
        OpenCvImages.writeImage(frame, partial.resolve(String.format(Locale.ROOT, "frame_%06d.png", written++)));
    }

    @Override
    public void commit() {
        try {
            if (Files.exists(output)) {
                FileTrees.deleteQuietly(output);
            }
            Files.move(partial, output, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw new FaceswapException("cannot move the frames into " + output + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            FileTrees.deleteQuietly(partial);
        }
    }
}
