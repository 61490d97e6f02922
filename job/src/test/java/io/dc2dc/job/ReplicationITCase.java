package io.dc2dc.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.emulator.Emulator;
import io.dc2dc.job.testing.Clusters;
import io.dc2dc.job.testing.FailOnce;
import io.dc2dc.job.testing.Replication;
import io.dc2dc.job.testing.Waits;
import io.dc2dc.job.testing.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data path end to end: two emulated clusters, the job on a MiniCluster, and a workload at the
 * source; every scenario ends with "the destination equals the source", document for document and
 * {@code _rev} for {@code _rev}.
 */
class ReplicationITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = Clusters.miniCluster();
    @RegisterExtension final Clusters clusters = new Clusters();
    private Emulator source;
    private Emulator destination;

    @BeforeEach
    void clusters() {
        source = clusters.source();
        destination = clusters.destination();
    }

    private JobClient start(int parallelism, String savepoint) throws Exception {
        return clusters.start(
                parallelism,
                savepoint,
                ordered -> ordered.map(new FailOnce()).name("fail-once (test)"));
    }

    private JobClient start(int parallelism) throws Exception {
        return start(parallelism, null);
    }

    private String stopWithSavepoint(JobClient job) throws Exception {
        return clusters.stopWithSavepoint(job);
    }

    private Workload shop(int orders) {
        Workload w = new Workload(source.coordinatorUrl(), 7);
        w.createDatabase("shop");
        w.createCollection("shop", "orders", 4, false);
        w.insertMany("shop", "orders", "o", orders, 200);
        return w;
    }

    @Test
    void initialSyncWithWritesDuringTheSnapshot() throws Exception {
        Workload w = new Workload(source.coordinatorUrl(), 1);
        w.createDatabase("shop");
        w.createDatabase("other");
        w.createCollection("shop", "orders", 4, false);
        w.createCollection("shop", "relations", 2, true);
        w.createCollection("other", "single", 1, false);
        w.createCollection("other", "wide", 8, false);
        Map<String, List<String>> keys =
                Map.of(
                        "shop/orders",
                                new ArrayList<>(w.insertMany("shop", "orders", "o", 3000, 200)),
                        "shop/relations",
                                new ArrayList<>(w.insertMany("shop", "relations", "r", 500, 50)),
                        "other/single",
                                new ArrayList<>(w.insertMany("other", "single", "s", 300, 50)),
                        "other/wide",
                                new ArrayList<>(w.insertMany("other", "wide", "w", 2000, 100)));
        JobClient job = start(2);
        try {
            // Re-inserts during the snapshot: removed documents come back under the same key.
            List<String> orders = keys.get("shop/orders");
            for (int i = 0; i < 20; i++) {
                w.remove("shop", "orders", orders.get(i));
            }
            w.insert(
                    "shop",
                    "orders",
                    orders.subList(0, 20).stream().map(k -> w.document(k, 30)).toList());
            for (int round = 0; round < 5; round++) {
                for (Map.Entry<String, List<String>> e : keys.entrySet()) {
                    String[] dc = e.getKey().split("/");
                    w.churn(dc[0], dc[1], e.getValue(), 40);
                }
            }
            Replication.awaitEqual(source, destination, Duration.ofSeconds(90));
            // Continuous: more changes after the initial sync converge too.
            for (Map.Entry<String, List<String>> e : keys.entrySet()) {
                String[] dc = e.getKey().split("/");
                w.churn(dc[0], dc[1], e.getValue(), 100);
            }
            w.update(
                    "shop",
                    "orders",
                    keys.get("shop/orders").get(0),
                    Map.of("nested", Map.of("added", 1)),
                    false);
            Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void recoversFromTaskFailuresDuringSnapshotAndTailing() throws Exception {
        Workload w = shop(20_000);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            keys.add("o" + i);
        }
        FailOnce.arm(3_000); // during the snapshot
        JobClient job = start(2);
        try {
            Waits.until(
                    "the injected snapshot failure",
                    Duration.ofSeconds(60),
                    FailOnce::fired,
                    () -> "not yet");
            Replication.awaitEqual(source, destination, Duration.ofSeconds(90));
            FailOnce.arm(200); // during tailing
            w.churn("shop", "orders", keys, 600);
            Waits.until(
                    "the injected tailing failure",
                    Duration.ofSeconds(60),
                    FailOnce::fired,
                    () -> "not yet");
            w.churn("shop", "orders", keys, 100);
            Replication.awaitEqual(source, destination, Duration.ofSeconds(90));
            assertThat(FailOnce.failures()).isGreaterThanOrEqualTo(2);
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void resumesFromASavepointAndRescales() throws Exception {
        Workload w = shop(3_000);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            keys.add("o" + i);
        }
        JobClient job = start(1);
        Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
        String savepoint = stopWithSavepoint(job);
        w.churn("shop", "orders", keys, 300); // written while stopped

        job = start(2, savepoint); // 1 -> 2
        Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
        w.churn("shop", "orders", keys, 100);
        Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
        savepoint = stopWithSavepoint(job);
        w.churn("shop", "orders", keys, 300);

        job = start(1, savepoint); // 2 -> 1
        try {
            Replication.awaitEqual(source, destination, Duration.ofSeconds(60));
        } finally {
            job.cancel().get();
        }
    }
}
