package dev.faceswap4j.core.video;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.toolkit.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The images of a folder (JPEG, PNG, BMP), in file-name order, as frames. */
final class ImageFolderSource implements FrameSource {

    private final List<Path> files;
    private int next;

    private ImageFolderSource(List<Path> files) {
        this.files = files;
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png") || name.endsWith(".bmp");
    }

    static FrameSource open(Path folder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).filter(ImageFolderSource::isImage).sorted().toList();
        } catch (IOException e) {
            throw new FaceswapException("cannot list input folder " + folder + ": " + Messages.firstLine(e), e);
        }
        if (files.isEmpty()) {
            throw new FaceswapException("input folder " + folder + " holds no images (.jpg, .jpeg, .png, .bmp)");
        }
        return new ImageFolderSource(files);
    }

    static FrameSource single(Path image) {
        return new ImageFolderSource(List.of(image));
    }

    @Override
    public int frameCount() {
        return files.size();
    }

    @Override
    public double frameRate() {
        return 0;
    }

    @Override
    public Frame next() {
        if (next >= files.size()) {
            return null;
        }
        int index = next++;
        return new Frame(index, files.get(index).getFileName().toString(), Images.readBgr(files.get(index)));
    }

    @Override
    public void close() {}
}
