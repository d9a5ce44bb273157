package dev.faceswap4j.core.cluster;

import java.io.Serializable;
import java.util.List;

/**
 * Runs the pieces of a job in parallel — the videos of a folder, the segments of a long video — here or on other
 * machines. The distribution's optional Spark folder ({@code plugins/spark}) provides one, found through
 * {@link ClusterEngineProvider}; everything else about a distributed job (cutting, joining, publishing) is the job's.
 */
public interface ClusterEngine extends AutoCloseable {

    /**
     * Runs {@code task} once per item, as many at a time as the engine has room for, and returns the results in the
     * items' order. A piece may run more than once (an attempt lost with its machine is run again), so a task writes
     * under a name of its own attempt and publishes with a rename. The first piece that fails for good ends the job
     * with its error.
     */
    <T extends Serializable, R extends Serializable> List<R> map(List<T> items, ClusterTask<T, R> task);

    /** Where it runs, for messages: e.g. {@code Spark 4.1.3 on local[2]}. */
    String describe();

    @Override
    void close();
}
