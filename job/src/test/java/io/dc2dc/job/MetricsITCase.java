package io.dc2dc.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import io.dc2dc.job.config.JobConfig;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Waits;
import io.dc2dc.job.testing.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-shard metrics an operator watches in the Flink web UI report what happened: phase,
 * documents copied, snapshot progress, lag, and the job's "replicated up to" time.
 */
class MetricsITCase {

    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path checkpoints;

    @Test
    void perShardMetricsAndReplicatedUpTo() throws Exception {
        try (Emulator source = Emulator.start(EmulatorConfig.builder().dbServers(3).build());
                Emulator destination =
                        Emulator.start(EmulatorConfig.builder().dbServers(3).build())) {
            Workload w = new Workload(source.coordinatorUrl(), 13);
            w.createDatabase("m");
            w.createCollection("m", "docs", 2, false);
            w.insertMany("m", "docs", "d", 1_000, 50);
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(
                            Replication.flink(checkpoints));
            env.setParallelism(2);
            Configuration options = Replication.options(source, destination);
            // Only the user collection's two shards: system collections replicate as data too.
            options.setString("filter.exclude-collections", "_.*");
            Pipeline.build(env, JobConfig.from(options, 2));
            JobClient job = env.executeAsync("dc2dc-metrics-it");
            JobID id = job.getJobID();
            try {
                Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
                long start = System.currentTimeMillis();
                Waits.until(
                        "every shard tailing with lag 0 and replicatedUpTo after the sync",
                        Duration.ofSeconds(30),
                        () ->
                                values(id, "phase").size() == 2
                                        && values(id, "phase").values().stream()
                                                .allMatch(v -> v == 1)
                                        && values(id, "lagTicks").values().stream()
                                                .allMatch(v -> v == 0)
                                        && values(id, "replicatedUpTo").values().stream()
                                                .filter(v -> v > 0)
                                                .allMatch(v -> v >= start - 5_000)
                                        && !values(id, "replicatedUpTo").isEmpty(),
                        () -> describe(id));
                assertThat(
                                values(id, "documentsCopied").values().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .sum())
                        .isGreaterThanOrEqualTo(1_000);
                assertThat(values(id, "snapshotProgressPercent").values())
                        .allMatch(v -> v == 100.0);
                assertThat(values(id, "lagSeconds").values()).allMatch(v -> v >= 0 && v < 30);
                assertThat(
                                values(id, "changesForwarded").values().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .sum())
                        .isGreaterThanOrEqualTo(1_000);
                assertThat(values(id, "lagSeconds").keySet())
                        .allMatch(
                                k ->
                                        k.contains("database.m")
                                                && k.contains("collection.docs")
                                                && k.contains(".shard."));
            } finally {
                job.cancel().get();
            }
        }
    }

    private static Map<String, Double> values(JobID id, String name) {
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, Metric> e : REPORTER.findMetrics(id, name).entrySet()) {
            if (!e.getKey().endsWith("." + name)) {
                continue;
            }
            Metric m = e.getValue();
            double v;
            if (m instanceof Gauge<?> g && g.getValue() instanceof Number n) {
                v = n.doubleValue();
            } else if (m instanceof Counter c) {
                v = c.getCount();
            } else {
                continue;
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    private static String describe(JobID id) {
        return "phase="
                + values(id, "phase")
                + " lagTicks="
                + values(id, "lagTicks")
                + " replicatedUpTo="
                + values(id, "replicatedUpTo");
    }
}
