package io.dc2dc.job.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap measurements of this JVM, which runs the job (the emulated clusters have their own JVMs).
 *
 * <p>The number that counts is the live set: {@link #sampleLiveSet} forces a full collection
 * ({@code System.gc()}, a stop-the-world full GC under G1) and records what is still in use after
 * it, which is what the job really holds at that moment. The benchmark samples it at fixed points
 * of its progress, so runs with different collection sizes are compared at the same relative
 * moments. Besides, {@link #peakAfterAnyGcMb} keeps the largest heap in use after any collection,
 * which also counts garbage in old regions that a young collection does not look at: it grows with
 * the heap's slack, not with what the job holds.
 */
final class HeapWatch {

    private final AtomicLong peakAfterAnyGc = new AtomicLong();
    private final List<Long> liveSamples = new ArrayList<>();
    private long gcNanos;

    HeapWatch() {
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (n, h) -> {
                            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                    .equals(n.getType())) {
                                return;
                            }
                            GarbageCollectionNotificationInfo info =
                                    GarbageCollectionNotificationInfo.from(
                                            (CompositeData) n.getUserData());
                            long used = 0;
                            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                                if (heapPools.contains(e.getKey())) {
                                    used += e.getValue().getUsed();
                                }
                            }
                            peakAfterAnyGc.accumulateAndGet(used, Math::max);
                        },
                        null,
                        null);
            }
        }
    }

    /** Forces a full collection and records the heap still in use after it; returns MiB. */
    synchronized long sampleLiveSet() {
        long start = System.nanoTime();
        System.gc();
        gcNanos += System.nanoTime() - start;
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        liveSamples.add(used);
        return used / (1024 * 1024);
    }

    /** The largest live set sampled, MiB. */
    synchronized long liveSetPeakMb() {
        return liveSamples.stream().mapToLong(Long::longValue).max().orElse(0) / (1024 * 1024);
    }

    /** Every live set sampled, in MiB, in sampling order. */
    synchronized List<Long> liveSamplesMb() {
        return liveSamples.stream().map(b -> b / (1024 * 1024)).toList();
    }

    /** Time spent in the forced collections, seconds. */
    synchronized double forcedGcSeconds() {
        return gcNanos / 1e9;
    }

    /** The largest heap in use after any collection, garbage in untouched regions included. */
    long peakAfterAnyGcMb() {
        return peakAfterAnyGc.get() / (1024 * 1024);
    }
}
