package dev.faceswap4j.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Point2;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * dlib 19.24 itself, as the reference: {@code dlib_reference.cpp} (beside this class) is compiled with
 * g++ -O3 against the installed libdlib-dev (once per build) and run on the exact pixels the Java
 * code sees (written as BMP, so no JPEG decoder difference enters the comparison).
 */
public final class DlibReference {

    /** One face found by dlib's HOG detector, its box as dlib's inclusive rectangle, and dlib's 68 points. */
    public record Face(long left, long top, long right, long bottom, double score, List<Point2> parts) {
        /** The box in our convention: (left, top) and width/height in pixels, right = x + width - 1. */
        public Rect box() {
            return new Rect(left, top, right - left + 1, bottom - top + 1);
        }
    }

    public record Output(List<Face> faces, double detectMillis, double landmarkMillisPerFace) {}

    private static Path program;

    private DlibReference() {}

    public static Output run(Image image, int upsample, int repeat) throws IOException, InterruptedException {
        return run(image, upsample, repeat, 1);
    }

    /** Also times {@code detectRepeat} detections (mean in {@link Output#detectMillis()}). */
    public static Output run(Image image, int upsample, int repeat, int detectRepeat) throws IOException, InterruptedException {
        Path bmp = Files.createTempFile("dlib-reference", ".bmp");
        try {
            writeBmp(image, bmp);
            Process process = new ProcessBuilder(program().toString(), TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68).toString(),
                    bmp.toString(), String.valueOf(upsample), String.valueOf(repeat), String.valueOf(detectRepeat)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.MINUTES);
            assertEquals(0, process.exitValue(), "dlib_reference failed: " + out);
            return parse(out);
        } finally {
            Files.deleteIfExists(bmp);
        }
    }

    private static Output parse(String out) {
        List<Face> faces = new ArrayList<>();
        double detect = Double.NaN;
        double landmarks = Double.NaN;
        String[] lines = out.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].trim().split(" ");
            switch (f[0]) {
                case "detect_ms" -> detect = Double.parseDouble(f[1]);
                case "landmarks_ms_per_face" -> landmarks = Double.parseDouble(f[1]);
                case "face" -> {
                    String[] p = lines[++i].trim().split(" ");
                    List<Point2> parts = new ArrayList<>();
                    for (int k = 1; k + 1 < p.length; k += 2) {
                        parts.add(new Point2(Long.parseLong(p[k]), Long.parseLong(p[k + 1])));
                    }
                    faces.add(new Face(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                            Double.parseDouble(f[5]), parts));
                }
                default -> { }
            }
        }
        return new Output(faces, detect, landmarks);
    }

    /** Builds the reference from the copy of its source on the class path, once per source version. */
    private static synchronized Path program() throws IOException, InterruptedException {
        if (program != null) {
            return program;
        }
        byte[] source;
        try (var in = DlibReference.class.getResourceAsStream("dlib_reference.cpp")) {
            source = in.readAllBytes();
        }
        String version = Integer.toHexString(java.util.Arrays.hashCode(source));
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "faceswap4j-dlib-reference-" + version);
        Path binary = dir.resolve("dlib_reference");
        if (!Files.isExecutable(binary)) {
            Files.createDirectories(dir);
            Path cpp = dir.resolve("dlib_reference.cpp");
            Files.write(cpp, source);
            Path building = dir.resolve("dlib_reference.building");
            Process gcc = new ProcessBuilder("g++", "-O3", "-o", building.toString(), cpp.toString(),
                    "-ldlib", "-l:liblapack.so.3", "-l:libblas.so.3").redirectErrorStream(true).start();
            String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            gcc.waitFor(5, TimeUnit.MINUTES);
            assertEquals(0, gcc.exitValue(), "building the dlib reference needs g++ and libdlib-dev (./build.sh installs them):\n" + log);
            Files.move(building, binary, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        program = binary;
        return program;
    }

    public static void writeBmp(Image image, Path file) throws IOException {
        BufferedImage bgr = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        System.arraycopy(image.pixels(), 0, target, 0, target.length);
        if (!ImageIO.write(bgr, "bmp", file.toFile())) {
            throw new IOException("no BMP writer");
        }
    }
}
