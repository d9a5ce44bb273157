package dev.faceswap4j.detector.hog.bench;

import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.testing.DlibReference;
import dev.faceswap4j.core.testing.TestModels;
import dev.faceswap4j.detector.hog.HogDetectorProvider;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * HOG face detection on the six 1920 px sample photos (no up-sampling): the Java plugin with 1 and 2
 * threads (JMH) against dlib 19.24 built with -O3, single-threaded, timed in the same run.
 *
 * <pre>mvn -q install -DskipTests -pl core -am && mvn -q -pl plugins-detector-hog test-compile exec:exec \
 *     -Dbench=dev.faceswap4j.detector.hog.bench.HogBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class HogBenchmark {

    @Param({"1", "2"})
    public int threads;

    private FaceDetector detector;
    private final List<Image> images = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        detector = new HogDetectorProvider().create(ConfigFactory.parseMap(Map.of(
                "model", TestModels.require(dev.faceswap4j.core.models.ModelCatalog.FRONTAL_FACE_DETECTOR).toString(),
                "upsample", 0, "threshold", 0.0, "max-size", 0, "threads", threads)));
        for (int n = 1; n <= 6; n++) {
            images.add(Images.readBgr(TestModels.samplePhoto(n)));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        detector.close();
    }

    /** All six photos; reported per photo. */
    @Benchmark
    public int sixPhotos() {
        int faces = 0;
        for (Image image : images) {
            faces += detector.detect(image).size();
        }
        return faces;
    }

    public static void main(String[] args) throws Exception {
        double dlib = 0;
        for (int n = 1; n <= 6; n++) {
            dlib += DlibReference.run(Images.readBgr(TestModels.samplePhoto(n)), 0, 0, 5).detectMillis();
        }
        double dlibPerPhoto = dlib / 6;
        System.out.printf(Locale.ROOT, "dlib 19.24 -O3, 1 thread: %.1f ms per 1920 px photo%n", dlibPerPhoto);
        for (RunResult result : new Runner(new OptionsBuilder().include(HogBenchmark.class.getSimpleName()).build()).run()) {
            double perPhoto = result.getPrimaryResult().getScore() / 6;
            System.out.printf(Locale.ROOT, "HOG detection, threads=%s: Java %.1f ms per photo, dlib %.1f ms, Java/dlib time ratio %.2f%n",
                    result.getParams().getParam("threads"), perPhoto, dlibPerPhoto, perPhoto / dlibPerPhoto);
        }
    }
}
