package io.dc2dc.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.CollectionInfo;
import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.FailMode;
import io.dc2dc.emulator.FailTarget;
import io.dc2dc.job.testing.Clusters;
import io.dc2dc.job.testing.DestinationWrites;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Waits;
import io.dc2dc.job.testing.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shards that lose their WAL position converge: a purged WAL, a moved leader, a stopped DB-server;
 * and a destination that is unreachable or failing part of its requests.
 */
class ResyncITCase {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension static final MiniClusterExtension FLINK = Clusters.miniCluster(METRICS);
    @RegisterExtension final Clusters clusters = new Clusters();
    private Emulator source;
    private Emulator destination;

    @BeforeEach
    void clusters() {
        source = clusters.source();
        destination = clusters.destination();
    }

    private JobClient start(int parallelism, String savepoint) throws Exception {
        return clusters.start(parallelism, savepoint, stream -> stream);
    }

    @Test
    void aPurgedWalResyncsWritingOnlyTheDifferences() throws Exception {
        Workload w = new Workload(source.coordinatorUrl(), 3);
        w.createDatabase("big");
        w.createCollection("big", "docs", 1, false);
        w.insertMany("big", "docs", "d", 100_000, 20);
        JobClient job = start(2, null);
        Replication.awaitEqual(source, destination, Duration.ofSeconds(120));
        String savepoint = clusters.stopWithSavepoint(job);

        // 10 differences while stopped: 4 replaces, 2 updates, 2 removes, 2 inserts.
        for (int i = 0; i < 4; i++) {
            w.replace("big", "docs", "d" + (i * 1000));
        }
        w.update("big", "docs", "d7", Map.of("extra", 1), true);
        w.update("big", "docs", "d8", Map.of("extra", 2), true);
        w.remove("big", "docs", "d99");
        w.remove("big", "docs", "d98");
        w.insert("big", "docs", List.of(w.document("new1", 5), w.document("new2", 5)));
        for (String server : source.dbServerIds()) {
            source.faults().purgeWal(server);
        }

        DestinationWrites writes = DestinationWrites.since(destination);
        job = start(2, savepoint);
        try {
            long compared = Replication.awaitEqual(source, destination, Duration.ofSeconds(120));
            assertThat(compared).isEqualTo(100_000);
            long written = writes.count(2);
            assertThat(written)
                    .as(
                            "documents written by the resync of a 100,000-document shard with 10 differences")
                    .isBetween(10L, 30L);
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void aMovedLeaderAndAStoppedDbServerConverge() throws Exception {
        Workload w = new Workload(source.coordinatorUrl(), 5);
        w.createDatabase("shop");
        w.createCollection("shop", "orders", 6, false);
        List<String> keys = new ArrayList<>(w.insertMany("shop", "orders", "o", 3_000, 100));
        JobClient job = start(2, null);
        try {
            Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
            CollectionInfo orders = collection(source, "shop", "orders");
            String shard = orders.shards().keySet().iterator().next();
            List<String> servers = orders.shards().get(shard);
            String target =
                    source.dbServerIds().stream()
                            .filter(id -> !id.equals(servers.get(0)))
                            .findFirst()
                            .orElseThrow();
            // A moved leader: the shard is re-established on the new leader and writes only
            // the changes made meanwhile, not its 500 documents again.
            DestinationWrites writes = DestinationWrites.since(destination);
            source.faults().moveShardLeader("shop", shard, target);
            awaitResyncs(job, 1);
            w.churn("shop", "orders", keys, 100);
            Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
            assertThat(writes.count(2)).isLessThanOrEqualTo(100);

            // A stopped DB-server: its shards fail over and resync on their new leaders.
            String stopped = source.dbServerIds().get(0);
            long ledByStopped =
                    collection(source, "shop", "orders").shards().values().stream()
                            .filter(s -> s.get(0).equals(stopped))
                            .count();
            writes = DestinationWrites.since(destination);
            source.faults().stopDbServer(stopped);
            awaitResyncs(job, 1 + ledByStopped);
            w.churn("shop", "orders", keys, 100);
            Replication.awaitEqual(source, destination, Duration.ofSeconds(90));
            assertThat(writes.count(2)).isLessThanOrEqualTo(100);
            source.faults().startDbServer(stopped);
            w.churn("shop", "orders", keys, 100);
            Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void anUnreachableAndAFlakyDestinationConverge() throws Exception {
        Workload w = new Workload(source.coordinatorUrl(), 9);
        w.createDatabase("shop");
        w.createCollection("shop", "orders", 4, false);
        List<String> keys = new ArrayList<>(w.insertMany("shop", "orders", "o", 2_000, 100));
        JobClient job = start(2, null);
        try {
            Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
            destination
                    .faults()
                    .failRequests(1.0, FailMode.DROP_CONNECTION, FailTarget.COORDINATOR);
            long unreachableUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < unreachableUntil) {
                w.churn("shop", "orders", keys, 20);
            }
            destination.faults().failRequests(0.1, FailMode.HTTP_503, FailTarget.COORDINATOR);
            w.churn("shop", "orders", keys, 300);
            Replication.awaitEqual(source, destination, Duration.ofSeconds(120));
        } finally {
            destination.faults().reset();
            job.cancel().get();
        }
    }

    private static void awaitResyncs(JobClient job, long atLeast) {
        Waits.until(
                atLeast + " completed shard resyncs",
                Duration.ofSeconds(60),
                () ->
                        Clusters.metricValues(METRICS, job.getJobID(), "resyncs").stream()
                                                .mapToDouble(Double::doubleValue)
                                                .sum()
                                        >= atLeast
                                && Clusters.metricValues(METRICS, job.getJobID(), "phase").stream()
                                        .allMatch(p -> p == 1.0),
                () ->
                        "resyncs="
                                + Clusters.metricValues(METRICS, job.getJobID(), "resyncs")
                                + " phases="
                                + Clusters.metricValues(METRICS, job.getJobID(), "phase"));
    }

    private static CollectionInfo collection(Emulator cluster, String db, String name) {
        try (ArangoClient c = ArangoClient.connect(Replication.spec("source", cluster))) {
            return c.collections(db).stream()
                    .filter(ci -> ci.name().equals(name))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
