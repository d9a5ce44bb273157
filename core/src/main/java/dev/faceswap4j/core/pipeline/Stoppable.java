package dev.faceswap4j.core.pipeline;

/** A job that can be asked to stop cleanly (e.g. on Ctrl-C): training finishes its step and saves a checkpoint first. */
public interface Stoppable {

    /** Asks the job to stop at the next point where nothing is lost. */
    void requestStop();

    /** Waits, at most {@code seconds}, until what was stopped has saved its work; whether it did. */
    boolean awaitFinished(long seconds) throws InterruptedException;
}
