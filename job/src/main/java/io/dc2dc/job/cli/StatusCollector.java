package io.dc2dc.job.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a job's replication state from Flink's REST API: lists the metric ids of the source vertex,
 * fetches the per-shard gauges and each reader's {@code replicatedUpTo}, and groups them by shard.
 * Metric ids look like (verified on Flink 2.3.0)
 *
 * <pre>0.Source__source_cluster.database.shop.collection.orders.shard.s2010084.lagSeconds
 * 0.Source__source_cluster.replicatedUpTo</pre>
 *
 * <p>Flink replaces {@code ' '}, {@code '.'}, {@code ':'} and {@code ','} inside each scope
 * component with {@code '_'}, so splitting on dots is unambiguous (and a database named {@code a.b}
 * shows as {@code a_b}). Values are as old as Flink's metric fetcher cache ({@code
 * metrics.fetcher.update-interval}, 10 s by default).
 */
final class StatusCollector {

    static final List<String> SHARD_GAUGES =
            List.of(
                    "phase",
                    "lagSeconds",
                    "lagTicks",
                    "documentsCopied",
                    "bytesCopied",
                    "snapshotProgressPercent",
                    "resyncs");
    static final String REPLICATED_UP_TO = "replicatedUpTo";

    private StatusCollector() {}

    /** One parsed metric id: a shard gauge (database != null) or a reader-wide one. */
    record MetricId(int subtask, String database, String collection, String shard, String name) {

        /** Parses a vertex metric id; null for metrics the status does not use. */
        static MetricId parse(String id) {
            String[] p = id.split("\\.");
            int subtask;
            try {
                subtask = Integer.parseInt(p[0]);
            } catch (NumberFormatException e) {
                return null;
            }
            // <subtask>.<operator>.database.<db>.collection.<c>.shard.<s>.<gauge>
            if (p.length == 9
                    && p[2].equals("database")
                    && p[4].equals("collection")
                    && p[6].equals("shard")
                    && SHARD_GAUGES.contains(p[8])) {
                return new MetricId(subtask, p[3], p[5], p[7], p[8]);
            }
            // <subtask>.<operator>.replicatedUpTo
            if (p.length == 3 && p[2].equals(REPLICATED_UP_TO)) {
                return new MetricId(subtask, null, null, null, REPLICATED_UP_TO);
            }
            return null;
        }
    }

    /** A reader whose {@code replicatedUpTo} is older than this may be a stale cache entry. */
    static final long STALE_MILLIS = 1500;

    /**
     * Reads the job's state. Flink answers metric requests from a cache and refreshes it in the
     * background when it is older than {@code metrics.fetcher.update-interval}, so the first answer
     * after a pause can be that old (12 s measured). When a reader looks behind, the values are
     * read once more after a short pause, which then come from the refreshed cache.
     */
    static StatusReport collect(CliContext ctx, String jobId) {
        FlinkApi flink = ctx.flink();
        FlinkApi.JobDetails job = flink.job(jobId);
        Map<String, String> values = sourceMetrics(flink, job);
        StatusReport report = build(flink, job, values, ctx.now());
        if (report.readerUpTo().values().stream()
                .anyMatch(upTo -> upTo > 0 && report.now() - upTo > STALE_MILLIS)) {
            ctx.pause();
            ctx.pause();
            return build(flink, job, sourceMetrics(flink, job), ctx.now());
        }
        return report;
    }

    private static Map<String, String> sourceMetrics(FlinkApi flink, FlinkApi.JobDetails job) {
        Map<String, String> values = new HashMap<>();
        if (!"RUNNING".equals(job.state())) {
            return values;
        }
        for (FlinkApi.Vertex v : job.vertices()) {
            // the source is the first operator of its chain; its name starts with "Source:"
            if (!v.name().startsWith("Source")) {
                continue;
            }
            List<String> wanted =
                    flink.vertexMetricIds(job.id(), v.id()).stream()
                            .filter(id -> MetricId.parse(id) != null)
                            .toList();
            if (!wanted.isEmpty()) {
                values.putAll(flink.vertexMetrics(job.id(), v.id(), wanted));
            }
        }
        return values;
    }

    private static StatusReport build(
            FlinkApi flink, FlinkApi.JobDetails job, Map<String, String> values, long now) {
        String jobId = job.id();
        long restarts = -1;
        try {
            restarts =
                    Long.parseLong(
                            flink.jobMetrics(jobId, List.of("numRestarts"))
                                    .getOrDefault("numRestarts", "-1"));
        } catch (NumberFormatException | CliException e) {
            // an old or finished job may not report it; the status is still useful without it
        }
        String lastException = null;
        if (!"RUNNING".equals(job.state()) || restarts > 0) {
            lastException = flink.lastException(jobId).orElse(null);
        }
        return fromMetrics(
                job, flink.webUiUrl(jobId, job.active()), values, restarts, lastException, now);
    }

    /** Builds the report from raw metric values (what the tests feed with recorded answers). */
    static StatusReport fromMetrics(
            FlinkApi.JobDetails job,
            String webUiUrl,
            Map<String, String> values,
            long restarts,
            String lastException,
            long now) {
        Map<String, Map<String, String>> byShard = new TreeMap<>();
        Map<String, MetricId> shardIds = new HashMap<>();
        Map<Integer, Long> readerUpTo = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            MetricId id = MetricId.parse(e.getKey());
            if (id == null) {
                continue;
            }
            if (id.database() == null) {
                readerUpTo.put(id.subtask(), (long) number(e.getValue()));
                continue;
            }
            String key = id.database() + "\0" + id.collection() + "\0" + id.shard();
            byShard.computeIfAbsent(key, k -> new HashMap<>()).put(id.name(), e.getValue());
            shardIds.put(key, id);
        }
        List<ShardStatus> shards = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : byShard.entrySet()) {
            MetricId id = shardIds.get(e.getKey());
            Map<String, String> g = e.getValue();
            shards.add(
                    new ShardStatus(
                            id.database(),
                            id.collection(),
                            id.shard(),
                            id.subtask(),
                            (int) number(g.get("phase")),
                            number(g.get("lagSeconds")),
                            (long) number(g.get("lagTicks")),
                            (long) number(g.get("documentsCopied")),
                            (long) number(g.get("bytesCopied")),
                            number(g.get("snapshotProgressPercent")),
                            (long) number(g.get("resyncs"))));
        }
        shards.sort(
                Comparator.comparing(ShardStatus::database)
                        .thenComparing(ShardStatus::collection)
                        .thenComparing(ShardStatus::shard));
        return new StatusReport(job, webUiUrl, shards, readerUpTo, restarts, lastException, now);
    }

    /** A gauge value; a missing or unparsable one counts as -1 (unknown). */
    private static double number(String v) {
        if (v == null) {
            return -1;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
