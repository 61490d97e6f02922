package io.dc2dc.job.testing;

import io.dc2dc.arango.model.ChangeEvent;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Fails the task once, deterministically: after at least one checkpoint completed and {@code
 * threshold} changes passed since the test armed it. Static state, so it works only inside one
 * MiniCluster JVM; tests re-arm it before each injection.
 */
public final class FailOnce implements MapFunction<ChangeEvent, ChangeEvent>, CheckpointListener {

    private static final AtomicLong SEEN = new AtomicLong();
    private static final AtomicLong THRESHOLD = new AtomicLong(Long.MAX_VALUE);
    private static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
    private static final AtomicLong FAILURES = new AtomicLong();

    /** Fails once more after {@code changes} further changes and a completed checkpoint. */
    public static void arm(long changes) {
        CHECKPOINTED.set(false);
        SEEN.set(0);
        THRESHOLD.set(changes);
    }

    public static void disarm() {
        THRESHOLD.set(Long.MAX_VALUE);
    }

    public static long failures() {
        return FAILURES.get();
    }

    public static boolean fired() {
        return THRESHOLD.get() == Long.MAX_VALUE;
    }

    @Override
    public ChangeEvent map(ChangeEvent e) {
        if (SEEN.incrementAndGet() >= THRESHOLD.get() && CHECKPOINTED.get()) {
            THRESHOLD.set(Long.MAX_VALUE);
            FAILURES.incrementAndGet();
            throw new IllegalStateException("injected failure (test)");
        }
        return e;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        CHECKPOINTED.set(true);
    }
}
