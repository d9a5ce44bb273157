package dev.faceswap4j.core.cluster;

import java.io.Serializable;

/**
 * One piece of a distributed job. It travels to where it runs as Java serialization, so it holds what it needs as
 * plain values (the config as text, paths as strings), never open files or loaded models.
 */
@FunctionalInterface
public interface ClusterTask<T, R> extends Serializable {

    R run(T item, TaskSlot slot);
}
