package io.dc2dc.job.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The peak of heap still in use after a garbage collection (the live set) in this JVM: what the job
 * really holds, without the garbage that happens to be around between collections.
 */
final class HeapWatch {

    private final AtomicLong peakAfterGc = new AtomicLong();

    HeapWatch() {
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (java.lang.management.MemoryPoolMXBean pool :
                ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
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
                            peakAfterGc.accumulateAndGet(used, Math::max);
                        },
                        null,
                        null);
            }
        }
    }

    long peakMb() {
        return peakAfterGc.get() / (1024 * 1024);
    }
}
