package io.dc2dc.source.reader;

import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;

/**
 * The reader's metrics: Flink's standard {@code numRecordsIn}/{@code numBytesIn}, a reader-wide
 * {@code replicatedUpTo} (epoch milliseconds, the minimum over this reader's shards), and per
 * shard, in the subgroups {@code database.<db>.collection.<c>.shard.<s>}: {@code phase} (0
 * snapshot, 1 tailing, 2 resync), {@code documentsCopied}, {@code bytesCopied}, {@code
 * snapshotProgressPercent}, {@code lagTicks}, {@code lagSeconds}, {@code resyncs}, {@code errors}
 * (failed snapshot attempts and failed WAL polls, each retried).
 */
final class ReaderMetrics {
    // Flink cannot remove a group's metrics: a dropped shard's gauges keep reporting their last
    // values until the job restarts.

    static final String REPLICATED_UP_TO = "replicatedUpTo";

    private final SourceReaderMetricGroup group;
    private final Counter recordsIn;
    private final Counter bytesIn;

    ReaderMetrics(SourceReaderMetricGroup group, Map<String, ShardState> shards) {
        this.group = group;
        this.recordsIn = group.getIOMetricGroup().getNumRecordsInCounter();
        this.bytesIn = group.getIOMetricGroup().getNumBytesInCounter();
        group.gauge(
                REPLICATED_UP_TO,
                () -> {
                    long min = Long.MAX_VALUE;
                    for (ShardState s : shards.values().toArray(new ShardState[0])) {
                        min = Math.min(min, s.replicatedUpTo());
                    }
                    return min == Long.MAX_VALUE ? 0L : min;
                });
    }

    void register(ShardState s) {
        MetricGroup g =
                group.addGroup("database", s.database)
                        .addGroup("collection", s.collection)
                        .addGroup("shard", s.shard);
        g.gauge("phase", s::phaseCode);
        g.gauge("documentsCopied", () -> s.documentsCopied);
        g.gauge("bytesCopied", () -> s.bytesCopied);
        g.gauge("snapshotProgressPercent", s::snapshotPercent);
        g.gauge("lagTicks", s::lagTicks);
        g.gauge("lagSeconds", () -> s.lagSeconds(System.currentTimeMillis()));
        g.gauge("resyncs", () -> s.resyncs);
        g.gauge("errors", () -> s.errors);
    }

    void recordsIn(long records, long bytes) {
        recordsIn.inc(records);
        bytesIn.inc(bytes);
    }
}
