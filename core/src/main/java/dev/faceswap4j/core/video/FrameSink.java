package dev.faceswap4j.core.video;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.util.FileTrees;
import dev.faceswap4j.api.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avformat;

/**
 * Where converted frames go: a video file, one image, or a folder of PNGs. Everything is written under a
 * temporary name and appears under the output name only on {@link #commit()}; closing without a
 * commit removes the partial output, so an earlier file is never replaced by a broken one.
 */
public interface FrameSink extends AutoCloseable {

    void write(Image frame);

    /** Finishes the output and moves it into place. */
    void commit();

    @Override
    void close();

    /**
     * A PNG folder when {@code output} has no extension, one image for an image extension, else a video encoded as
     * {@code video} says, with the audio of {@code audioSource} (when it has any) copied in.
     */
    static FrameSink open(Path output, VideoSettings video, double frameRate, Path audioSource, boolean overwrite) {
        return openWithAudio(output, video, frameRate, AudioTrack.whole(audioSource), overwrite);
    }

    /** As {@link #open(Path, VideoSettings, double, Path, boolean)}, with the audio cut to {@code audio}'s window. */
    static FrameSink openWithAudio(Path output, VideoSettings video, double frameRate, AudioTrack audio, boolean overwrite) {
        FileTrees.checkNew(output, overwrite);
        checkFolder(output);
        String name = output.getFileName().toString();
        if (!name.contains(".")) {
            return new ImageFolderSink(output);
        }
        if (ImageFolderSource.isImage(output)) {
            return new ImageFileSink(output);
        }
        checkVideoExtension(output);
        return new VideoFileSink(output, video, frameRate, audio);
    }

    /**
     * One part of a conversion cut into segments: a PNG folder when {@code output} has no extension, else a video without
     * sound (it is added once, over the joined parts), encoded at the bit rate a conversion of {@code input} would use so
     * that the parts join as one stream. An earlier part of the same name (an earlier attempt) is replaced.
     */
    static FrameSink openPart(Path output, VideoSettings video, double frameRate, Path input) {
        checkFolder(output);
        if (!output.getFileName().toString().contains(".")) {
            return new ImageFolderSink(output);
        }
        checkVideoExtension(output);
        return new VideoFileSink(output, video, frameRate, null, input);
    }

    /**
     * Refuses, before any frame is made, a name whose extension FFmpeg has no container for (a folder meant as
     * {@code out-1.5} reads as a video of type {@code .5}): its encoder would only fail at the first frame.
     */
    static void checkVideoExtension(Path output) {
        String name = output.getFileName().toString();
        if (avformat.av_guess_format(null, name, null) == null) {
            throw new FaceswapException("cannot write " + output + ": FFmpeg knows no video format by the extension "
                    + name.substring(name.lastIndexOf('.')) + " (e.g. .mp4, .mkv, .mov; .png or .jpg for one image;"
                    + " no dot in the name for a folder of PNG frames)");
        }
    }

    private static void checkFolder(Path output) {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new FaceswapException("cannot write " + output + ": folder " + parent + " does not exist");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new FaceswapException("cannot write " + output + ": folder " + parent + " is not writable");
        }
    }
}
