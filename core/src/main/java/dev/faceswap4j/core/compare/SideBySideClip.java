package dev.faceswap4j.core.compare;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.OpenCvImages;
import dev.faceswap4j.core.video.Frame;
import dev.faceswap4j.core.video.FrameSink;
import dev.faceswap4j.core.video.FrameSource;
import dev.faceswap4j.core.video.VideoSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/** Clips of equal frame size played next to each other in one video (the first clip's audio kept). */
public final class SideBySideClip {

    private SideBySideClip() {}

    /** Writes {@code clips} left to right into {@code output}; stops at the shortest clip. Returns the frames written. */
    public static int write(List<Path> clips, Path output, VideoSettings video, boolean overwrite) {
        List<FrameSource> sources = new ArrayList<>();
        try {
            for (Path clip : clips) {
                sources.add(FrameSource.open(clip));
            }
            int frames = 0;
            try (FrameSink sink = FrameSink.open(output, video, sources.get(0).frameRate(), clips.get(0), overwrite)) {
                while (true) {
                    List<Image> row = new ArrayList<>(sources.size());
                    for (FrameSource source : sources) {
                        Frame frame = source.next();
                        if (frame == null) {
                            sink.commit();
                            return frames;
                        }
                        row.add(frame.image());
                    }
                    sink.write(hconcat(row));
                    frames++;
                }
            }
        } finally {
            sources.forEach(FrameSource::close);
        }
    }

    private static Image hconcat(List<Image> images) {
        Image first = images.get(0);
        for (Image image : images) {
            if (image.width() != first.width() || image.height() != first.height()) {
                throw new FaceswapException("side-by-side clips differ in frame size: " + first.width() + "x" + first.height() + " and "
                        + image.width() + "x" + image.height());
            }
        }
        try (MatVector mats = new MatVector(); Mat row = new Mat()) {
            List<Mat> opened = new ArrayList<>();
            try {
                for (Image image : images) {
                    Mat mat = OpenCvImages.toMat(image);
                    opened.add(mat);
                    mats.push_back(mat);
                }
                opencv_core.hconcat(mats, row);
                return OpenCvImages.toImage(row, ChannelOrder.BGR);
            } finally {
                opened.forEach(Mat::close);
            }
        }
    }
}
