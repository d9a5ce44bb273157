package dev.faceswap4j.core.bench;

import dev.faceswap4j.api.Image;
import dev.faceswap4j.api.Landmarks;
import dev.faceswap4j.api.Rect;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.landmarks.DlibLandmarkPredictorProvider;
import dev.faceswap4j.core.landmarks.ShapePredictor;
import dev.faceswap4j.core.testing.DlibReference;
import dev.faceswap4j.core.testing.TestModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * 68-point landmarks per face, single-threaded: the Java predictor (JMH) against dlib 19.24 built
 * with -O3 (its own timing loop), on the same faces of the six sample photos, in one run.
 *
 * <pre>mvn -q -pl core -am test-compile exec:exec -Dbench=dev.faceswap4j.core.bench.LandmarkBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class LandmarkBenchmark {

    private ShapePredictor predictor;
    private final List<Image> images = new ArrayList<>();
    private final List<Rect> boxes = new ArrayList<>();
    private final List<Integer> imageOfBox = new ArrayList<>();

    @Setup
    public void setUp() throws Exception {
        predictor = ShapePredictor.load(TestModels.require(DlibLandmarkPredictorProvider.SHAPE_PREDICTOR_68));
        for (int n = 1; n <= 6; n++) {
            Image image = Images.readBgr(TestModels.samplePhoto(n));
            images.add(image);
            for (DlibReference.Face face : DlibReference.run(image, 0, 0).faces()) {
                boxes.add(face.box());
                imageOfBox.add(n - 1);
            }
        }
    }

    /** Time for all faces of the six photos; divided by the face count when reported. */
    @Benchmark
    public double allFaces() {
        double sink = 0;
        for (int i = 0; i < boxes.size(); i++) {
            Landmarks l = predictor.predict(images.get(imageOfBox.get(i)), boxes.get(i));
            sink += l.get(30).x();
        }
        return sink;
    }

    public static void main(String[] args) throws Exception {
        LandmarkBenchmark setup = new LandmarkBenchmark();
        setup.setUp();
        int faces = setup.boxes.size();
        double dlibSum = 0;
        int dlibFaces = 0;
        for (Image image : setup.images) {
            DlibReference.Output out = DlibReference.run(image, 0, 200);
            dlibSum += out.landmarkMillisPerFace() * out.faces().size();
            dlibFaces += out.faces().size();
        }
        double dlibPerFace = dlibSum / dlibFaces;
        RunResult result = new Runner(new OptionsBuilder().include(LandmarkBenchmark.class.getSimpleName()).build()).runSingle();
        double javaPerFace = result.getPrimaryResult().getScore() / faces;
        System.out.printf(Locale.ROOT, "%nlandmarks, %d faces, single thread: Java %.3f ms/face, dlib 19.24 -O3 %.3f ms/face,"
                + " Java/dlib time ratio %.2f%n", faces, javaPerFace, dlibPerFace, javaPerFace / dlibPerFace);
    }
}
