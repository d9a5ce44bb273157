package dev.faceswap4j.spark;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.cluster.ClusterEngine;
import dev.faceswap4j.core.cluster.ClusterTask;
import dev.faceswap4j.core.cluster.TaskSlot;
import dev.faceswap4j.toolkit.Messages;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.resource.ResourceInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spark application (the Java RDD API of spark-core) whose driver is this process: each piece of a job is one
 * partition of one task, so Spark schedules them on the executors' task slots, runs a lost attempt again and reports a
 * piece that fails for good; the job's own error (one line) comes back as it was thrown.
 */
final class SparkEngine implements ClusterEngine {

    private static final Logger log = LoggerFactory.getLogger(SparkEngine.class);

    private final JavaSparkContext context;
    private final SparkSettings settings;

    private SparkEngine(JavaSparkContext context, SparkSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    static SparkEngine start(SparkSettings settings) {
        settings.checkMasterAnswers();
        settings.applyToThisProcess();
        long start = System.nanoTime();
        JavaSparkContext context;
        try {
            context = new JavaSparkContext(settings.sparkConf());
        } catch (RuntimeException e) {
            throw new FaceswapException("cluster " + settings.master() + ": Spark did not start: " + Messages.firstLine(e), e);
        }
        SparkEngine engine = new SparkEngine(context, settings);
        try {
            engine.awaitExecutors();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        log.info("{} started in {} s", engine.describe(), String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        return engine;
    }

    /** On a cluster, waits until a worker has given the application an executor: without one a job would wait forever. */
    private void awaitExecutors() {
        if (settings.isLocal()) {
            return;
        }
        long deadline = System.nanoTime() + settings.executorWait().toNanos();
        while (context.sc().statusTracker().getExecutorInfos().length < 2) { // the driver counts as one
            if (System.nanoTime() > deadline) {
                throw new FaceswapException("cluster " + settings.master() + ": no executor started within " + settings.executorWait().toSeconds()
                        + " s: are workers registered with the master, with free cores and memory, and is faceswap4j installed on every worker at "
                        + settings.executorHome() + " (faceswap4j.spark.home)? Each executor's stderr is in its worker's work folder"
                        + " (faceswap4j.spark.executor-wait sets the wait)");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FaceswapException("interrupted while waiting for the cluster's executors", e);
            }
        }
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> items, ClusterTask<T, R> task) {
        if (items.isEmpty()) {
            return List.of();
        }
        try {
            return context.parallelize(items, items.size()).map(new Piece<T, R>(task, settings.taskCpus(), settings.localGpus())).collect();
        } catch (RuntimeException e) {
            throw SparkFailures.explain(e, settings);
        }
    }

    @Override
    public String describe() {
        return "Spark " + SparkContext.class.getPackage().getImplementationVersion() + " on " + settings.master();
    }

    @Override
    public void close() {
        context.stop();
    }

    /** One piece, run on an executor: its task slot from Spark's task context. */
    private record Piece<T, R>(ClusterTask<T, R> task, int threads, int localGpus) implements Function<T, R> {
        @Override
        public R call(T item) {
            TaskContext spark = TaskContext.get();
            return task.run(item, new TaskSlot("attempt-" + spark.taskAttemptId(), threads, gpu(spark)));
        }

        /** The GPU Spark assigned this task (a standalone worker's resources), else one by partition where local GPUs are set. */
        private int gpu(TaskContext spark) {
            Map<String, ResourceInformation> resources = spark.resourcesJMap();
            ResourceInformation gpus = resources.get("gpu");
            if (gpus != null && gpus.addresses().length > 0) {
                return Integer.parseInt(gpus.addresses()[0]);
            }
            return localGpus > 0 ? spark.partitionId() % localGpus : -1;
        }
    }
}
