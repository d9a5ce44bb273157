package dev.faceswap4j.core.bench;

import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.face.Alignments;
import dev.faceswap4j.core.face.FaceRecord;
import dev.faceswap4j.core.face.FrameRecord;
import dev.faceswap4j.core.video.Frame;
import dev.faceswap4j.core.video.FrameSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much convert changed a video away from its faces: PSNR between the decoded input and output
 * frames over the pixels outside every face box (grown {@code grow}× about its centre, a generous
 * stand-in for the dilated mask), and inside them for contrast. Face boxes come from an extract of
 * the input (its alignments.json; frames it skipped are not counted).
 *
 * <pre>java -cp "target/faceswap4j/lib/*:core/target/test-classes" dev.faceswap4j.core.bench.ConvertQuality \
 *     INPUT.mp4 OUTPUT.mp4 FACES/alignments.json [grow=1.6]</pre>
 */
public final class ConvertQuality {

    public static void main(String[] args) {
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Alignments alignments = Alignments.read(Path.of(args[2]));
        double grow = args.length > 3 ? Double.parseDouble(args[3]) : 1.6;
        Map<Integer, List<FaceRecord>> faces = new HashMap<>();
        for (FrameRecord frame : alignments.frames()) {
            faces.put(frame.frame(), frame.faces());
        }
        double outsideError = 0;
        long outsideCount = 0;
        double insideError = 0;
        long insideCount = 0;
        double worstFrame = Double.MAX_VALUE;
        int frames = 0;
        int compared = 0;
        try (FrameSource before = FrameSource.open(input); FrameSource after = FrameSource.open(output)) {
            for (Frame a; (a = before.next()) != null; frames++) {
                Frame b = after.next();
                if (b == null) {
                    throw new IllegalStateException("output ends after " + frames + " frames");
                }
                List<FaceRecord> boxes = faces.get(a.index());
                if (boxes == null) {
                    continue;
                }
                compared++;
                double frameError = 0;
                long frameCount = 0;
                byte[] x = a.image().pixels();
                byte[] y = b.image().pixels();
                int width = a.image().width();
                for (int p = 0; p < x.length; p++) {
                    int pixel = p / 3;
                    double d = (x[p] & 0xff) - (y[p] & 0xff);
                    if (inside(boxes, pixel % width, pixel / width, grow)) {
                        insideError += d * d;
                        insideCount++;
                    } else {
                        outsideError += d * d;
                        outsideCount++;
                        frameError += d * d;
                        frameCount++;
                    }
                }
                worstFrame = Math.min(worstFrame, psnr(frameError, frameCount));
            }
            if (after.next() != null) {
                throw new IllegalStateException("output has more frames than the input's " + frames);
            }
        }
        System.out.printf(Locale.ROOT, "frames %d (compared %d): PSNR outside the faces %.2f dB (worst frame %.2f dB), inside %.2f dB%n",
                frames, compared, psnr(outsideError, outsideCount), worstFrame, psnr(insideError, insideCount));
    }

    private static boolean inside(List<FaceRecord> boxes, int x, int y, double grow) {
        for (FaceRecord face : boxes) {
            Rect box = face.box();
            double halfWidth = box.width() * grow / 2;
            double halfHeight = box.height() * grow / 2;
            if (Math.abs(x - box.center().x()) <= halfWidth && Math.abs(y - box.center().y()) <= halfHeight) {
                return true;
            }
        }
        return false;
    }

    private static double psnr(double squaredError, long count) {
        double mse = squaredError / Math.max(1, count);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
