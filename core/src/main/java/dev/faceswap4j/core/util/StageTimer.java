package dev.faceswap4j.core.util;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Wall time spent per pipeline stage (decode, detect, landmarks, ...), in the order stages first ran; thread-safe. */
public final class StageTimer {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    /** Adds the time since {@code startNanos} to {@code stage} and returns now, to chain stages. */
    public synchronized long lap(String stage, long startNanos) {
        long now = System.nanoTime();
        nanos.merge(stage, now - startNanos, Long::sum);
        return now;
    }

    /** Adds {@code stageNanos} measured elsewhere (a task on another machine) to {@code stage}. */
    public synchronized void add(String stage, long stageNanos) {
        nanos.merge(stage, stageNanos, Long::sum);
    }

    public synchronized Map<String, Duration> totals() {
        Map<String, Duration> result = new LinkedHashMap<>();
        nanos.forEach((stage, n) -> result.put(stage, Duration.ofNanos(n)));
        return result;
    }

    /** {@code decode 1.2 ms, detect 80.1 ms, ...} per item. */
    public synchronized String perItem(int items) {
        StringJoiner text = new StringJoiner(", ");
        nanos.forEach((stage, n) -> text.add(String.format(Locale.ROOT, "%s %.1f ms", stage, n / 1e6 / Math.max(1, items))));
        return text.toString();
    }
}
