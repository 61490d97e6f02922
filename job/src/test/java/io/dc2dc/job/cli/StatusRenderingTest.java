package io.dc2dc.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The status model, table and JSON, built from metric answers recorded from a real job. */
class StatusRenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BIG =
            "0.Source__source_cluster.database.shop.collection.big.shard.s2010119.";

    private static FlinkApi.JobDetails job(String state) throws IOException {
        FlinkApi.JobDetails j = FlinkRest.parseJob(JSON.readTree(RecordedFlink.JOB));
        return new FlinkApi.JobDetails(j.id(), j.name(), state, j.startTime(), j.vertices());
    }

    private static Map<String, String> recordedValues() throws IOException {
        return new LinkedHashMap<>(
                FlinkRest.parseMetricValues(JSON.readTree(RecordedFlink.METRIC_VALUES)));
    }

    private static StatusReport report(String state, Map<String, String> values, String error)
            throws IOException {
        return StatusCollector.fromMetrics(
                job(state), "http://ui", values, 0, error, RecordedFlink.VALUES_NOW);
    }

    @Test
    void recordedMetricIdsParseIntoShardGaugesAndReaderValues() throws IOException {
        List<StatusCollector.MetricId> ids = new ArrayList<>();
        for (JsonNode m : JSON.readTree(RecordedFlink.METRIC_IDS)) {
            ids.add(StatusCollector.MetricId.parse(m.path("id").asText()));
        }
        List<StatusCollector.MetricId> ours = ids.stream().filter(Objects::nonNull).toList();
        // 9 shards x 7 gauges + replicatedUpTo of both readers; the other 213 are Flink's own
        assertThat(ids).hasSize(278);
        assertThat(ours).hasSize(65);
        assertThat(ours.stream().filter(i -> i.database() == null))
                .extracting(StatusCollector.MetricId::subtask)
                .containsExactlyInAnyOrder(0, 1);
        assertThat(
                        StatusCollector.MetricId.parse(
                                "1.Source__source_cluster.database.shop.collection.orders.shard.s2010085.lagTicks"))
                .isEqualTo(
                        new StatusCollector.MetricId(1, "shop", "orders", "s2010085", "lagTicks"));
        // a split-level watermark metric of Flink (its split id holds a '/') is not ours
        assertThat(
                        StatusCollector.MetricId.parse(
                                "0.Source__source_cluster.split.shop/s2010106.watermark.currentWatermark"))
                .isNull();
    }

    @Test
    void recordedValuesGiveElevenTailingShardsOnTwoReaders() throws IOException {
        StatusReport r = report("RUNNING", recordedValues(), null);
        assertThat(r.shards()).hasSize(11);
        ShardStatus big = r.shards().get(0);
        assertThat(big)
                .isEqualTo(
                        new ShardStatus(
                                "shop",
                                "big",
                                "s2010119",
                                0,
                                1,
                                0.051,
                                0,
                                99983,
                                23129272,
                                100.0,
                                0));
        assertThat(r.shards())
                .extracting(s -> s.collection() + "/" + s.shard())
                .startsWith("big/s2010119", "big/s2010120", "events/s2010104")
                .endsWith("users/s2010091", "users/s2010092");
        assertThat(r.readerUpTo())
                .containsEntry(0, 1795766191377L)
                .containsEntry(1, 1795766191399L);
        assertThat(r.replicatedUpTo()).hasValue(1795766191377L);
        assertThat(r.verdict(10).health()).isEqualTo(StatusReport.Health.HEALTHY);
        assertThat(r.verdict(10).reason()).contains("all 11 shards running");
        // the largest recorded lag is 0.074 s: a 50 ms threshold makes the job lag
        assertThat(r.verdict(0.05).health()).isEqualTo(StatusReport.Health.LAGGING);
    }

    @Test
    void tableHasAlignedColumnsAndProgressBars() throws IOException {
        String table = StatusRenderer.table(report("RUNNING", recordedValues(), null), 10);
        assertThat(table)
                .contains("job        bd5fb96350f2298f63e660cba16b7c21 \"dc2dc\" RUNNING")
                .contains("web UI     http://ui")
                .contains("replicated up to: 2026-11-27T07:56:31.377Z")
                .contains("health     healthy: all 11 shards running, max lag 0.07s <= 10.0s");
        List<String> rows = table.lines().dropWhile(l -> !l.startsWith("DATABASE")).toList();
        assertThat(rows).hasSize(12);
        assertThat(rows.get(0))
                .matches(
                        "DATABASE +COLLECTION +SHARD +PHASE +LAG +LAG TICKS +DOCS COPIED +BYTES"
                                + " +INITIAL SYNC +RESYNCS");
        assertThat(rows.get(1))
                .matches(
                        "shop +big +s2010119 +running +0\\.05s +0 +99983 +22\\.1 MB +\\[#{20}\\]"
                                + " 100\\.0% +0");
        assertThat(rows).extracting(String::length).containsOnly(rows.get(0).length());
    }

    @Test
    void aShardInInitialSyncMakesTheJobLagAndHidesReplicatedUpTo() throws IOException {
        Map<String, String> values = recordedValues();
        values.put(BIG + "phase", "0");
        values.put(BIG + "snapshotProgressPercent", "42.5");
        values.put(BIG + "lagSeconds", "-1.0");
        values.put(BIG + "lagTicks", "-1");
        StatusReport r = report("RUNNING", values, null);
        assertThat(r.replicatedUpTo()).isEmpty();
        StatusReport.Verdict v = r.verdict(10);
        assertThat(v.health()).isEqualTo(StatusReport.Health.LAGGING);
        assertThat(v.reason())
                .isEqualTo(
                        "1 of 11 shards not in sync (1 in initial sync or resync, max lag 0.07s,"
                                + " threshold 10.0s)");
        String table = StatusRenderer.table(r, 10);
        assertThat(table)
                .contains("not yet known")
                .containsPattern(
                        "big +s2010119 +initial-sync +unknown +- +99983 .*\\[########-{12}\\]  42\\.5%");
    }

    @Test
    void aRestartingJobIsFailedWithItsLastException() throws IOException {
        StatusReport r =
                report("RESTARTING", Map.of(), "IllegalStateException: destination unreachable");
        assertThat(r.verdict(10))
                .isEqualTo(
                        new StatusReport.Verdict(
                                StatusReport.Health.FAILED,
                                "job is RESTARTING; last exception: IllegalStateException:"
                                        + " destination unreachable"));
        assertThat(StatusRenderer.table(r, 10))
                .contains("replicated up to: - (the job is not running)")
                .contains("error      IllegalStateException: destination unreachable")
                .doesNotContain("DATABASE");
        assertThat(report("INITIALIZING", Map.of(), null).verdict(10).health())
                .isEqualTo(StatusReport.Health.LAGGING);
        assertThat(report("RUNNING", Map.of(), null).verdict(10).reason())
                .contains("no shard metrics yet");
    }

    @Test
    void jsonCarriesEveryShardAndTheVerdict() throws IOException {
        JsonNode json = StatusRenderer.json(report("RUNNING", recordedValues(), null), 10);
        assertThat(json.path("health").asText()).isEqualTo("healthy");
        assertThat(json.path("job").path("id").asText())
                .isEqualTo("bd5fb96350f2298f63e660cba16b7c21");
        assertThat(json.path("job").path("state").asText()).isEqualTo("RUNNING");
        assertThat(json.path("replicatedUpTo").asLong()).isEqualTo(1795766191377L);
        assertThat(json.path("replicatedUpToIso").asText()).isEqualTo("2026-11-27T07:56:31.377Z");
        assertThat(json.path("shards")).hasSize(11);
        JsonNode first = json.path("shards").path(0);
        assertThat(first.path("database").asText()).isEqualTo("shop");
        assertThat(first.path("collection").asText()).isEqualTo("big");
        assertThat(first.path("phase").asText()).isEqualTo("running");
        assertThat(first.path("lagSeconds").asDouble()).isEqualTo(0.051);
        assertThat(first.path("documentsCopied").asLong()).isEqualTo(99983);
        assertThat(first.path("snapshotProgressPercent").asDouble()).isEqualTo(100.0);
        // one line, so that "status --watch --json" prints one document per line
        assertThat(json.toString()).doesNotContain("\n");
    }

    @Test
    void progressBars() {
        assertThat(StatusRenderer.progressBar(0)).isEqualTo("[--------------------]   0.0%");
        assertThat(StatusRenderer.progressBar(99.9)).isEqualTo("[###################-]  99.9%");
        assertThat(StatusRenderer.progressBar(100)).isEqualTo("[####################] 100.0%");
        assertThat(StatusRenderer.progressBar(250)).isEqualTo("[####################] 100.0%");
        assertThat(StatusRenderer.progressBar(-1)).isEqualTo("[                    ]      ?");
    }
}
