package dev.faceswap4j.core.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link FramePipeline}'s hand-over between the decode thread and the calling thread, at the moment the input ends. */
class FramePipelineTest {

    private static final String END = "end of input";

    /**
     * A queue whose first timed poll gives up empty-handed exactly while the producer queues its last item and
     * finishes: the interleaving that made convert fail with "the input thread stopped early" at the end of a clip.
     */
    private static final class LateEndQueue extends ArrayBlockingQueue<String> {
        private FutureTask<Void> producer;
        private int timedPolls;

        LateEndQueue() {
            super(8);
        }

        @Override
        public String poll(long timeout, TimeUnit unit) throws InterruptedException {
            if (timedPolls++ == 0) {
                producer.run(); // the decode thread puts the end marker and ends after this poll timed out
                return null;
            }
            return super.poll(timeout, unit);
        }
    }

    @Test
    void theEndMarkerQueuedAfterATimedOutPollIsTaken() {
        LateEndQueue queue = new LateEndQueue();
        queue.producer = new FutureTask<>(() -> {
            queue.put(END);
            return null;
        });
        assertSame(END, FramePipeline.take(queue, queue.producer));
        assertEquals(1, queue.timedPolls, "taken without waiting for another timed poll");
    }

    @Test
    void aProducerThatEndedWithoutItsEndMarkerIsStillAnError() {
        LateEndQueue queue = new LateEndQueue();
        queue.producer = new FutureTask<>(() -> null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FramePipeline.take(queue, queue.producer));
        assertTrue(e.getMessage().contains("the input thread stopped early"), e.getMessage());
    }

    @Test
    void aFailedProducerIsReportedWithItsOwnError() {
        LateEndQueue queue = new LateEndQueue();
        queue.producer = new FutureTask<>(() -> {
            throw new IllegalArgumentException("damaged frame 12");
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FramePipeline.take(queue, queue.producer));
        assertEquals("damaged frame 12", e.getMessage());
    }
}
