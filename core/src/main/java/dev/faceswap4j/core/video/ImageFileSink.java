package dev.faceswap4j.core.video;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.core.util.PartialFiles;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** One converted image (the input was one image), written under a hidden name and renamed into place. */
final class ImageFileSink implements FrameSink {

    private final Path output;
    private final Path partial;
    private boolean written;
    private boolean committed;

    ImageFileSink(Path output) {
        this.output = output;
        String name = output.getFileName().toString();
        // OpenCV picks the encoder by extension, so the hidden name keeps it.
        this.partial = PartialFiles.beside(output, "partial" + name.substring(name.lastIndexOf('.')));
    }

    @Override
    public void write(Image frame) {
        if (written) {
            throw new FaceswapException("output " + output + " is one image, the input has several frames; name a folder or a video instead");
        }
        OpenCvImages.writeImage(frame, partial);
        written = true;
    }

    @Override
    public void commit() {
        try {
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            PartialFiles.done(partial);
            committed = true;
        } catch (IOException e) {
            throw new FaceswapException("cannot move the image into " + output + ": " + Messages.firstLine(e), e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            FileTrees.deleteQuietly(partial);
        }
    }
}
