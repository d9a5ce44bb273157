package dev.faceswap4j.detector.hog.bench;

import dev.faceswap4j.api.FaceDetector;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.core.image.Images;
import dev.faceswap4j.core.models.ModelCatalog;
import dev.faceswap4j.core.plugin.HostStageContext;
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
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class HogBenchmark {

    @Param({"1", "2"})
    public int threads;

    private FaceDetector detector;
    private final List<Image> images = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        detector = new HogDetectorProvider().create(new HostStageContext(ConfigFactory.parseMap(Map.of(
                "model", TestModels.require(HogDetectorProvider.FRONTAL_FACE_DETECTOR).toString(),
                "upsample", 0, "threshold", 0.0, "max-size", 0, "threads", threads)), "faceswap4j.detectors.hog", new ModelCatalog(List.of())));
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

    /**
     * Runs dlib before and after the JMH runs and reports the best (least disturbed) time of each
     * side, as well as JMH's mean: on a shared machine the minimum is the steadier comparison.
     */
    public static void main(String[] args) throws Exception {
        double dlibBefore = dlibMillisPerPhoto();
        List<RunResult> results = new ArrayList<>(new Runner(new OptionsBuilder().include(HogBenchmark.class.getSimpleName()).build()).run());
        double dlibAfter = dlibMillisPerPhoto();
        double dlib = Math.min(dlibBefore, dlibAfter);
        System.out.printf(Locale.ROOT, "dlib 19.24 -O3, 1 thread: %.1f ms per 1920 px photo (best of before/after: %.1f, %.1f)%n",
                dlib, dlibBefore, dlibAfter);
        for (RunResult result : results) {
            double mean = result.getPrimaryResult().getScore() / 6;
            double best = result.getPrimaryResult().getStatistics().getMin() / 6;
            System.out.printf(Locale.ROOT, "HOG detection, threads=%s: Java best %.1f ms (mean %.1f) per photo, dlib best %.1f ms,"
                    + " Java/dlib time ratio %.2f (best) %.2f (Java mean)%n",
                    result.getParams().getParam("threads"), best, mean, dlib, best / dlib, mean / dlib);
        }
    }

    /** dlib's mean over 5 detections per photo, best of three such runs per photo, averaged over the photos. */
    private static double dlibMillisPerPhoto() throws Exception {
        double sum = 0;
        for (int n = 1; n <= 6; n++) {
            Image image = Images.readBgr(TestModels.samplePhoto(n));
            double best = Double.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                best = Math.min(best, DlibReference.run(image, 0, 0, 5).detectMillis());
            }
            sum += best;
        }
        return sum / 6;
    }
}
