package dev.faceswap4j.core.video;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.util.FileTrees;
import java.nio.file.Path;
import java.util.Locale;

/** Frames as {@code frame_000000.png ...} in a folder, built in a hidden sibling and renamed into place. */
final class ImageFolderSink implements FrameSink {

    private final Path output;
    private final Path partial;
    private int written;
    private boolean committed;

    ImageFolderSink(Path output) {
        this.output = output;
        this.partial = FileTrees.partialSibling(output);
    }

    @Override
    public void write(Image frame) {
        OpenCvImages.writeImage(frame, partial.resolve(String.format(Locale.ROOT, "frame_%06d.png", written++)));
    }

    @Override
    public void commit() {
        FileTrees.replace(partial, output);
        committed = true;
    }

    @Override
    public void close() {
        if (!committed) {
            FileTrees.deleteQuietly(partial);
        }
    }
}
